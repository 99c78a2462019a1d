package org.logonrights.sources;

import java.nio.charset.Charset;

/**
 * Text decoded from bytes whose encoding was sniffed, with the BOM removed.
 *
 * @param warning a note when the encoding had to be guessed (e.g. windows-1252 fallback), or null
 */
public record DecodedText(String text, Charset charset, boolean hadBom, String warning) {
}
