package org.logonrights.model;

/** A right name in an input that is neither a logon right nor a known privilege, kept for reporting. */
public record UnknownRight(String name, Provenance provenance) {
}
