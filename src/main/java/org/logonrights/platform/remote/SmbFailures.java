package org.logonrights.platform.remote;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.session.SMB2GuestSigningRequiredException;
import com.rapid7.client.dcerpc.RPCException;
import com.rapid7.client.dcerpc.mserref.SystemErrorCode;
import com.rapid7.client.dcerpc.transport.exceptions.RPCFaultException;
import com.rapid7.helper.smbj.io.SMB2Exception;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.logonrights.platform.remote.RemoteLsaException.Reason;

/**
 * Turns what smbj and rapid7's dcerpc throw into one {@link RemoteLsaException} line that says what
 * failed, on which host, and what to do. Messages name the host and the user, never the password:
 * no caller passes it here.
 */
final class SmbFailures {

    static final long STATUS_ACCESS_DENIED = 0xC0000022L;
    static final long STATUS_LOGON_FAILURE = 0xC000006DL;
    static final long STATUS_INVALID_SIGNATURE = 0xC000A000L;
    static final long STATUS_PATH_NOT_COVERED = 0xC0000257L;

    /** NTSTATUS values that mean "this logon is refused", with the hint a user needs. */
    private static final Map<Long, String> LOGON_REFUSALS = Map.of(
            STATUS_LOGON_FAILURE, "wrong user name or password",
            0xC000006EL, "account restriction, e.g. a blank password",
            0xC000006FL, "outside the account's logon hours",
            0xC0000070L, "the account may not log on from this workstation",
            0xC0000071L, "the password has expired",
            0xC0000072L, "the account is disabled",
            0xC0000193L, "the account has expired",
            0xC0000224L, "the password must be changed first",
            0xC0000234L, "the account is locked out",
            0xC000015BL, "the account lacks 'Access this computer from the network' on the target");

    private final RemoteTarget target;
    private final RemoteAccount account;

    SmbFailures(RemoteTarget target, RemoteAccount account) {
        this.target = target;
        this.account = account;
    }

    /**
     * Classifies a failure.
     *
     * @param doing what was being done, as a phrase: "connecting", "logging on", "opening the LSA policy"
     */
    RemoteLsaException classify(Throwable failure, String doing) {
        if (failure instanceof RemoteLsaException r) {
            return r;
        }
        String host = target.describe();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new RemoteLsaException(Reason.UNREACHABLE, "cannot resolve host name '" + target.host() + "'", failure);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                String why = t instanceof NoRouteToHostException ? "no route to host" : "connection refused";
                return new RemoteLsaException(Reason.UNREACHABLE, "cannot connect to " + target.host() + " port " + target.port()
                        + ": " + why + " (is the host up, SMB running and TCP " + target.port() + " open in its firewall?)", failure);
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return new RemoteLsaException(Reason.TIMEOUT, "no answer from " + host + " within "
                        + target.timeout().toSeconds() + " s while " + doing
                        + " (is TCP " + target.port() + " blocked by a firewall?)", failure);
            }
            if (t instanceof SMB2GuestSigningRequiredException) {
                return new RemoteLsaException(Reason.SIGNING_OR_ENCRYPTION, host + " logged " + account.display()
                        + " on as guest, and a guest session cannot be signed: refusing to read the policy unsigned "
                        + "(check the user name)", failure);
            }
            if (t instanceof SMBApiException e) {
                return byStatus(e.getStatusCode(), failure, doing);
            }
            if (t instanceof SMB2Exception e) {
                return byStatus(e.getStatusCode(), failure, doing);
            }
            if (t instanceof RPCException e) {
                return byStatus(Integer.toUnsignedLong(e.getReturnValue()), failure, doing);
            }
            if (t instanceof RPCFaultException e) {
                return new RemoteLsaException(Reason.PROTOCOL, host + " refused the RPC call while " + doing + ": fault "
                        + (e.getRpcFault() == null ? String.format("0x%08X", e.getRpcFaultValue()) : e.getRpcFault().toString()), failure);
            }
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("signing") || text.contains("encryption") || text.contains("signature")) {
                return new RemoteLsaException(Reason.SIGNING_OR_ENCRYPTION, "SMB signing or encryption could not be agreed with "
                        + host + " while " + doing + ": " + t.getMessage(), failure);
            }
            if (t instanceof EOFException || t instanceof SocketException) {
                return new RemoteLsaException(Reason.PROTOCOL, host + " closed the connection while " + doing
                        + " (does it speak SMB 2 or 3 on this port?)", failure);
            }
        }
        return new RemoteLsaException(Reason.PROTOCOL, at(doing) + " failed: " + summary(failure), failure);
    }

    /** The NTSTATUS an SMB failure carries, or null when it carries none. */
    static Long status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMBApiException e) {
                return e.getStatusCode();
            }
            if (t instanceof SMB2Exception e) {
                return e.getStatusCode();
            }
        }
        return null;
    }

    private RemoteLsaException byStatus(long status, Throwable failure, String doing) {
        String host = target.describe();
        String name = statusName(status);
        String hint = LOGON_REFUSALS.get(status);
        if (hint != null) {
            return new RemoteLsaException(Reason.LOGON_FAILURE, "logon to " + host + " as " + account.display() + " failed: "
                    + name + " (" + hint + ")", failure);
        }
        if (status == STATUS_ACCESS_DENIED) {
            return new RemoteLsaException(Reason.ACCESS_DENIED, "access denied while " + at(doing) + " as "
                    + account.display() + " (" + name + "): the account must be an administrator of " + target.host(), failure);
        }
        if (status == STATUS_INVALID_SIGNATURE) {
            return new RemoteLsaException(Reason.SIGNING_OR_ENCRYPTION, host + " rejected the SMB signature while " + doing
                    + " (" + name + ")", failure);
        }
        if (status == 0xC00000CCL) {
            return new RemoteLsaException(Reason.NOT_FOUND, at(doing) + ": no such share (" + name
                    + "; administrative shares may be disabled: AutoShareServer=0)", failure);
        }
        if (status == STATUS_PATH_NOT_COVERED) {
            return new RemoteLsaException(Reason.DFS_REFERRAL, at(doing) + ": the path is a DFS referral to another server ("
                    + name + "), which is not followed", failure);
        }
        if (status == 0xC0000034L || status == 0xC000003AL) {
            return new RemoteLsaException(Reason.NOT_FOUND, at(doing) + ": no such file (" + name
                    + "; is IIS installed there? --config-path names another location)", failure);
        }
        return new RemoteLsaException(Reason.PROTOCOL, at(doing) + " failed: " + name, failure);
    }

    /** The phrase with the host, unless it already names it in a UNC path. */
    private String at(String doing) {
        return doing.contains(target.unc()) ? doing : doing + " on " + target.describe();
    }

    /** {@code 0xC0000022 STATUS_ACCESS_DENIED}, or just the hex for a status smbj does not name. */
    static String statusName(long status) {
        String hex = String.format("0x%08X", status);
        NtStatus known = NtStatus.valueOf(status);
        if (known != null && known != NtStatus.STATUS_OTHER) {
            return hex + " " + known.name();
        }
        SystemErrorCode rpc = SystemErrorCode.getErrorCode((int) status);
        return rpc == null ? hex : hex + " " + rpc.name();
    }

    /** What went wrong, in words: the failure's own message, never its Java type (--debug shows that). */
    static String summary(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank() && !m.matches("^[\\w.$]+(Exception|Error)(:.*)?$")) {
                return m.strip();
            }
        }
        return "an unexpected answer (run with --debug for details)";
    }
}
