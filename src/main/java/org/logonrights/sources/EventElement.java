package org.logonrights.sources;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of an event as Windows renders it to XML, read from an .evtx file's Binary XML or
 * from an XML export: the same shape either way, so what is kept from an event does not depend on
 * how it was exported. Event XML carries data, not mixed content, so an element's text is kept as
 * one string (the concatenation of its text pieces).
 *
 * @param name the local name (namespaces are dropped: event XML has one)
 * @param attributes attribute values by name, in document order
 * @param children child elements in document order
 * @param text the element's own text, "" when none
 */
public record EventElement(String name, Map<String, String> attributes, List<EventElement> children, String text) {

    public EventElement {
        java.util.Objects.requireNonNull(name, "name");
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    /** The first child element called {@code childName}. */
    public Optional<EventElement> child(String childName) {
        for (EventElement c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The text of the first child called {@code childName}, or "" when there is none. */
    public String childText(String childName) {
        return child(childName).map(EventElement::text).orElse("");
    }

    /** The attribute's value, or "" when absent. */
    public String attribute(String attributeName) {
        return attributes.getOrDefault(attributeName, "");
    }
}
