package org.logonrights.platform.windows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One WMI instance as plain Java: each asked-for property is null, a String, an Integer (CIM
 * uint32/sint32/uint16), a Boolean or a List of Strings (a CIM string array).
 */
public record WmiObject(Map<String, Object> properties) {

    public WmiObject {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A string property, or null. */
    public String string(String name) {
        Object v = properties.get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new IllegalArgumentException(name + " is a " + v.getClass().getSimpleName() + ", not a string");
    }

    /** An integer property, or null. */
    public Integer integer(String name) {
        Object v = properties.get(name);
        if (v == null || v instanceof Integer) {
            return (Integer) v;
        }
        throw new IllegalArgumentException(name + " is a " + v.getClass().getSimpleName() + ", not an integer");
    }

    /** A string-array property; null (an empty CIM array is stored as null) gives an empty list. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        Object v = properties.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l && l.stream().allMatch(e -> e instanceof String)) {
            return (List<String>) l;
        }
        throw new IllegalArgumentException(name + " is a " + v.getClass().getSimpleName() + ", not a string array");
    }
}
