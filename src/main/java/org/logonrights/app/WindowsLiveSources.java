package org.logonrights.app;

import java.nio.file.Path;
import java.util.List;
import org.logonrights.model.InputNote;
import org.logonrights.model.Provenance;
import org.logonrights.model.SourceKind;
import org.logonrights.platform.windows.GroupMembershipReader;
import org.logonrights.platform.windows.GroupPolicyResult;
import org.logonrights.platform.windows.LiveGroupPolicyReader;
import org.logonrights.platform.windows.LocalSecurityPolicy;
import org.logonrights.platform.windows.LsaException;
import org.logonrights.platform.windows.MachineFacts;

/** The {@link LiveSources} of the Windows machine this runs on. */
final class WindowsLiveSources implements LiveSources {

    @Override
    public MachineFacts machine() {
        return MachineFacts.local();
    }

    @Override
    public Path inetsrvConfig() {
        String windir = System.getenv("windir");
        if (windir == null || windir.isBlank()) {
            windir = System.getenv("SystemRoot");
        }
        if (windir == null || windir.isBlank()) {
            windir = "C:\\Windows";
        }
        return Path.of(windir.strip(), "System32", "inetsrv", "config");
    }

    @Override
    public LocalSecurityPolicy openPolicy() throws LsaException {
        return LocalSecurityPolicy.open(null);
    }

    @Override
    public GroupMembershipReader membershipReader(LocalSecurityPolicy names, String computerName) {
        return GroupMembershipReader.openLocal(names, computerName);
    }

    @Override
    public GroupPolicyResult groupPolicy() {
        try {
            return LiveGroupPolicyReader.readLocal();
        } catch (RuntimeException | LinkageError e) {
            // RSoP must never fail the audit, not even through a COM surprise jna-platform throws unchecked.
            return new GroupPolicyResult(null, List.of(new InputNote(InputNote.Level.WARNING, "gpo-ownership-unknown",
                    "GPO ownership is unknown: reading RSoP over WMI failed unexpectedly (" + e + "); to add it, export "
                            + "gpresult /scope computer /x gpresult.xml and audit offline with --gpresult.",
                    Provenance.of(SourceKind.RSOP, LiveGroupPolicyReader.NAMESPACE))));
        }
    }
}
