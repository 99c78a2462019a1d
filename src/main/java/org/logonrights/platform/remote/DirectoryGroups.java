package org.logonrights.platform.remote;

import java.util.List;
import java.util.Objects;
import org.logonrights.model.Sid;

/**
 * One domain account's groups as a domain controller computes them for a logon: the transitive
 * {@code tokenGroups} of the user object (nested global, universal and domain-local groups, the
 * primary group, and on a DC its BUILTIN aliases), each with the member through which it is reached.
 *
 * @param account the account's SID (objectSid)
 * @param groups in the order tokenGroups lists them
 */
public record DirectoryGroups(Sid account, String distinguishedName, List<Group> groups) {

    public DirectoryGroups {
        Objects.requireNonNull(account, "account");
        groups = List.copyOf(groups);
    }

    /** How a group is reached: by the {@code member} link, or by the account's {@code primaryGroupID}. */
    public enum Link {
        MEMBER_OF("memberOf"),
        PRIMARY_GROUP("primaryGroupID");

        private final String attribute;

        Link(String attribute) {
            this.attribute = attribute;
        }

        /** The LDAP attribute that records the link. */
        public String attribute() {
            return attribute;
        }
    }

    /**
     * @param name {@code NETBIOS\sAMAccountName}, or null when the DC returned no entry for the SID
     * @param via the account or the group through which this group is reached, or null when the
     *            directory shows no link (a group of another domain, say)
     */
    public record Group(Sid sid, String name, Sid via, Link link) {
        public Group {
            Objects.requireNonNull(sid, "sid");
        }
    }
}
