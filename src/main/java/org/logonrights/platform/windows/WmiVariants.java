package org.logonrights.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the VARIANTs {@code IWbemClassObject::Get} fills, from their raw layout (oaidl.h), before
 * the caller clears them with VariantClear.
 *
 * <p>jna-platform's {@code WbemcliUtil} cannot be used for RSoP: for a string array
 * ({@code VT_ARRAY | VT_BSTR}, such as {@code AccountList}) it keeps the SAFEARRAY pointer and then
 * calls VariantClear, which frees the array it returns. So we read the array here:
 * VARIANT = {@code VARTYPE vt} at 0, three reserved WORDs, the value at 8 (on x86 and x64 alike);
 * SAFEARRAY = {@code USHORT cDims; USHORT fFeatures; ULONG cbElements; ULONG cLocks;} then
 * {@code PVOID pvData} aligned to a pointer, then {@code SAFEARRAYBOUND {ULONG cElements; LONG lLbound}};
 * a BSTR points at UTF-16 text preceded by its byte length as a 4-byte prefix.
 */
final class WmiVariants {

    static final int VT_EMPTY = 0;
    static final int VT_NULL = 1;
    static final int VT_I2 = 2;
    static final int VT_I4 = 3;
    static final int VT_BSTR = 8;
    static final int VT_BOOL = 11;
    static final int VT_UI1 = 17;
    static final int VT_ARRAY = 0x2000;
    /** The value's offset in a VARIANT. */
    static final long VALUE = 8;
    /** No RSoP list comes near this; more is a malformed array. */
    static final int MAX_ELEMENTS = 1_000_000;
    /** A BSTR longer than this (in bytes) is malformed for our purposes. */
    static final int MAX_BSTR_BYTES = 1 << 20;

    private WmiVariants() {
    }

    /** The offset of {@code pvData} in a SAFEARRAY: after 12 bytes, aligned to a pointer. */
    static long dataOffset() {
        return Native.POINTER_SIZE == 8 ? 16 : 12;
    }

    /** The offset of {@code rgsabound[0]} in a SAFEARRAY. */
    static long boundsOffset() {
        return dataOffset() + Native.POINTER_SIZE;
    }

    /**
     * The Java value of the VARIANT at {@code variant}: null, String, Integer, Boolean or List of String.
     *
     * @throws IllegalArgumentException for a type we do not read, or a malformed value
     */
    static Object decode(Pointer variant) {
        int vt = variant.getShort(0) & 0xFFFF;
        return switch (vt) {
            case VT_EMPTY, VT_NULL -> null;
            case VT_BSTR -> bstr(variant.getPointer(VALUE));
            case VT_I4 -> variant.getInt(VALUE);
            case VT_I2 -> (int) variant.getShort(VALUE);
            case VT_UI1 -> variant.getByte(VALUE) & 0xFF;
            case VT_BOOL -> variant.getShort(VALUE) != 0;
            case VT_ARRAY | VT_BSTR -> bstrArray(variant.getPointer(VALUE));
            default -> throw new IllegalArgumentException("unsupported VARTYPE 0x" + Integer.toHexString(vt));
        };
    }

    /** A BSTR's text; null is the empty string, as COM defines it. */
    static String bstr(Pointer p) {
        if (p == null) {
            return "";
        }
        int bytes = p.getInt(-4);
        if (bytes < 0 || bytes > MAX_BSTR_BYTES || (bytes & 1) != 0) {
            throw new IllegalArgumentException("BSTR with a length prefix of " + Integer.toUnsignedString(bytes) + " bytes");
        }
        return new String(p.getByteArray(0, bytes), StandardCharsets.UTF_16LE);
    }

    /** A one-dimensional SAFEARRAY of BSTR, in index order; a null array is empty. */
    static List<String> bstrArray(Pointer array) {
        if (array == null) {
            return List.of();
        }
        int dims = array.getShort(0) & 0xFFFF;
        int elementSize = array.getInt(4);
        if (dims != 1) {
            throw new IllegalArgumentException("SAFEARRAY with " + dims + " dimensions");
        }
        if (elementSize != Native.POINTER_SIZE) {
            throw new IllegalArgumentException("SAFEARRAY of " + elementSize + "-byte elements is not a BSTR array");
        }
        long count = Integer.toUnsignedLong(array.getInt(boundsOffset()));
        if (count > MAX_ELEMENTS) {
            throw new IllegalArgumentException("SAFEARRAY claims " + count + " elements");
        }
        Pointer data = array.getPointer(dataOffset());
        if (count > 0 && data == null) {
            throw new IllegalArgumentException("SAFEARRAY with " + count + " elements and no data");
        }
        List<String> out = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            out.add(bstr(data.getPointer(i * Native.POINTER_SIZE)));
        }
        return out;
    }
}
