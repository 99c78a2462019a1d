package org.logonrights.app;

/**
 * A snapshot ready to be written for a ticket: its JSON document and what it holds.
 *
 * @param json the snapshot document (docs/snapshot.md)
 * @param pools how many application pools it holds
 * @param rights how many logon rights it lists
 * @param redacted whether names were replaced by pseudonyms
 */
public record CollectedSnapshot(String json, int pools, int rights, boolean redacted) {
}
