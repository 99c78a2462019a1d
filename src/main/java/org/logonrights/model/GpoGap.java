package org.logonrights.model;

import java.util.Objects;

/**
 * A GPO whose user-rights settings could not be read, or the list of applied GPOs itself: what the
 * rights it may define are is unknown, so their ownership is too (never assumed local).
 *
 * @param gpo the GPO, or null when the list of applied GPOs could not be read at all
 * @param reason why it could not be read
 * @param precedence where it ranks among the applied GPOs (1 wins); 0 when unknown, which ranks above every GPO
 * @param provenance where the reading failed: the registry key or the template's path
 * @param detail what the server answered, for people; no logic reads it
 */
public record GpoGap(GpoInfo gpo, Reason reason, int precedence, Provenance provenance, String detail) {

    /** Why a GPO's settings are missing. */
    public enum Reason {
        /** The registry key listing the applied GPOs was refused (access denied). */
        REGISTRY_DENIED,
        /** The Remote Registry service does not run: the winreg pipe is absent. */
        REMOTE_REGISTRY_STOPPED,
        /** The registry could not be read for another reason (timeout, protocol error). */
        REGISTRY_UNREADABLE,
        /** A domain member whose registry lists no GPO for the Security extension. */
        NO_HISTORY,
        /** The GPO's template was refused (access denied on SYSVOL). */
        TEMPLATE_DENIED,
        /** The template sits behind a DFS referral, or on a DC that could not be reached. */
        TEMPLATE_UNREACHABLE,
        /** The template was read but is not a usable security template (cut inside a line, too large). */
        TEMPLATE_INVALID,
        /** The GPO is listed as applied but its SYSVOL folder no longer exists. */
        GPO_DELETED,
        /** The GPO's file-system path points outside \\domain\SYSVOL, so it was not followed. */
        PATH_NOT_FOLLOWED
    }

    public GpoGap {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(provenance, "provenance");
        if (precedence < 0) {
            throw new IllegalArgumentException("precedence is 0 (unknown) or starts at 1");
        }
    }

    /** True when this gap may hide a setting that beats one at {@code winnerPrecedence} (0: no GPO defines the right). */
    public boolean mayOverride(int winnerPrecedence) {
        return winnerPrecedence == 0 || precedence == 0 || precedence < winnerPrecedence;
    }

    /** The GPO's label, or a phrase for the list itself. */
    public String label() {
        return gpo == null ? "the list of applied GPOs" : "GPO " + gpo.label();
    }
}
