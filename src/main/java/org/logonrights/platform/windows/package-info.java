/**
 * The live reader of the Windows LSA policy: the only package that touches JNA.
 *
 * <p>The rest of the application uses the pure-Java {@link org.logonrights.platform.windows.LocalSecurityPolicy}
 * and {@link org.logonrights.platform.windows.LiveRightsReader}; neither loads a JNA class, so the
 * offline path (secedit exports, gpresult XML) runs on any platform. The native side is
 * {@code LsaApi} (our own read-only binding: jna-platform binds no LSA policy function),
 * {@code JnaLocalSecurityPolicy}, and the codecs {@code SidCodec} and {@code LsaUnicodeString}.
 */
package org.logonrights.platform.windows;
