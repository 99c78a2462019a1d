package org.logonrights.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Computes virtual-account SIDs offline: {@code IIS APPPOOL\<pool>} (S-1-5-82-…) and
 * {@code NT SERVICE\<service>} (S-1-5-80-…), as SHA-1 over the folded name in UTF-16LE read as
 * five little-endian 32-bit numbers (MS-LSAT 3.1.4.6.1; pool variant verified against observed SIDs).
 *
 * <p>Windows folds case with its own Unicode tables; {@link Locale#ROOT} matches them for ASCII,
 * which covers every observed pool name. Non-ASCII names are an open question (docs/windows-facts.md §6.4).
 */
public final class VirtualAccounts {

    public static final String APP_POOL_DOMAIN = "IIS APPPOOL";
    public static final String SERVICE_DOMAIN = "NT SERVICE";

    /** Never used directly, only cloned: MessageDigest instances are not thread-safe. */
    private static final MessageDigest SHA1 = newSha1();

    private VirtualAccounts() {
    }

    /**
     * {@code name} without a leading {@code DOMAIN\} of the given domain (case-insensitive), as an
     * account name is often copied from IIS Manager or an error message; other names unchanged.
     */
    public static String withoutDomain(String name, String domain) {
        String prefix = domain + "\\";
        return name.regionMatches(true, 0, prefix, 0, prefix.length()) ? name.substring(prefix.length()) : name;
    }

    /** The SID of {@code IIS APPPOOL\<poolName>}: the lower-cased name is hashed. */
    public static Sid appPoolSid(String poolName) {
        return hashed(82, poolName.toLowerCase(Locale.ROOT));
    }

    /** The SID of {@code NT SERVICE\<serviceName>}: the upper-cased name is hashed. */
    public static Sid serviceSid(String serviceName) {
        return hashed(80, serviceName.toUpperCase(Locale.ROOT));
    }

    /** True when the name has characters whose Windows case folding is not verified. */
    public static boolean hasUncertainFolding(String name) {
        return name.chars().anyMatch(c -> c > 0x7F);
    }

    private static Sid hashed(long firstSubAuthority, String folded) {
        byte[] digest = sha1(utf16Le(folded));
        ByteBuffer buf = ByteBuffer.wrap(digest).order(ByteOrder.LITTLE_ENDIAN);
        long[] subs = new long[6];
        subs[0] = firstSubAuthority;
        for (int i = 1; i <= 5; i++) {
            subs[i] = Integer.toUnsignedLong(buf.getInt());
        }
        return Sid.of(5, subs);
    }

    /** The UTF-16LE bytes of the name, without a charset encoder per call (pools are hashed by the ten thousand). */
    private static byte[] utf16Le(String s) {
        byte[] b = new byte[2 * s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                // The charset encoder replaces an unpaired surrogate; keep its answer for every such name.
                return s.getBytes(StandardCharsets.UTF_16LE);
            }
            b[2 * i] = (byte) c;
            b[2 * i + 1] = (byte) (c >>> 8);
        }
        return b;
    }

    private static byte[] sha1(byte[] data) {
        try {
            // A clone of a prototype skips the provider look-up of getInstance on every call.
            return ((MessageDigest) SHA1.clone()).digest(data);
        } catch (CloneNotSupportedException e) {
            return newSha1().digest(data);
        }
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-1", e);
        }
    }
}
