package org.logonrights.platform.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hierynomus.mssmb2.SMB2MessageCommandCode;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.protocol.transport.TransportException;
import com.hierynomus.smbj.session.SMB2GuestSigningRequiredException;
import com.rapid7.client.dcerpc.RPCException;
import com.rapid7.client.dcerpc.transport.exceptions.RPCFaultException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.logonrights.platform.remote.RemoteLsaException.Reason;

/** Every failure the SMB and RPC stack can raise becomes one line with a reason, host and user. */
class SmbFailuresTest {

    private final SmbFailures failures = new SmbFailures(RemoteTarget.parse("web01"), RemoteAccount.parse("CONTOSO\\auditor"));

    private RemoteLsaException classify(Throwable t) {
        RemoteLsaException e = failures.classify(t, "opening the LSA policy (LsarOpenPolicy2)");
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("web01"), e.getMessage());
        return e;
    }

    private static SMBApiException smb(long status) {
        return new SMBApiException(status, SMB2MessageCommandCode.SMB2_SESSION_SETUP, null);
    }

    @Test
    void unreachableAndTimeouts() {
        RemoteLsaException refused = classify(new TransportException(new ConnectException("Connection refused")));
        assertEquals(Reason.UNREACHABLE, refused.reason());
        assertTrue(refused.getMessage().contains("connection refused") && refused.getMessage().contains("445"));
        assertEquals(Reason.UNREACHABLE, classify(new UnknownHostException("web01")).reason());
        assertEquals(Reason.TIMEOUT, classify(new TransportException(new SocketTimeoutException("connect timed out"))).reason());
        RemoteLsaException timeout = classify(new TransportException(new ExecutionException(new TimeoutException("Timeout expired"))));
        assertEquals(Reason.TIMEOUT, timeout.reason());
        assertTrue(timeout.getMessage().contains("within 10 s"), timeout.getMessage());
    }

    @Test
    void logonRefusalsNameTheUserAndTheHint() {
        RemoteLsaException bad = classify(smb(SmbFailures.STATUS_LOGON_FAILURE));
        assertEquals(Reason.LOGON_FAILURE, bad.reason());
        assertEquals("logon to web01 as CONTOSO\\auditor failed: 0xC000006D STATUS_LOGON_FAILURE (wrong user name or password)",
                bad.getMessage());
        assertEquals(Reason.LOGON_FAILURE, classify(smb(0xC0000234L)).reason());
        assertTrue(classify(smb(0xC0000072L)).getMessage().contains("disabled"));
    }

    @Test
    void accessDeniedOnThePipeThePolicyOrTheShare() {
        RemoteLsaException pipe = classify(smb(SmbFailures.STATUS_ACCESS_DENIED));
        assertEquals(Reason.ACCESS_DENIED, pipe.reason());
        assertTrue(pipe.getMessage().contains("administrator of web01"), pipe.getMessage());
        RemoteLsaException policy = classify(new RPCException("LsarOpenPolicy2", 0xC0000022));
        assertEquals(Reason.ACCESS_DENIED, policy.reason());
        assertTrue(policy.getMessage().startsWith("access denied while opening the LSA policy (LsarOpenPolicy2) on web01 as CONTOSO\\auditor"),
                policy.getMessage());
        RemoteLsaException share = failures.classify(smb(SmbFailures.STATUS_ACCESS_DENIED), "connecting to share \\\\web01\\C$");
        assertEquals("access denied while connecting to share \\\\web01\\C$ as CONTOSO\\auditor (0xC0000022 STATUS_ACCESS_DENIED): "
                + "the account must be an administrator of web01", share.getMessage());
    }

    @Test
    void signingAndEncryptionRefusals() {
        assertEquals(Reason.SIGNING_OR_ENCRYPTION, classify(new SMB2GuestSigningRequiredException()).reason());
        assertEquals(Reason.SIGNING_OR_ENCRYPTION,
                classify(new TransportException("Message signing is required, but no signing key is negotiated")).reason());
        assertEquals(Reason.SIGNING_OR_ENCRYPTION,
                classify(new TransportException("Message encryption is required, but no encryption key is negotiated")).reason());
        assertEquals(Reason.SIGNING_OR_ENCRYPTION, classify(smb(SmbFailures.STATUS_INVALID_SIGNATURE)).reason());
    }

    @Test
    void missingShareOrFileAndProtocolErrors() {
        assertEquals(Reason.NOT_FOUND, classify(smb(0xC00000CCL)).reason());
        RemoteLsaException file = failures.classify(smb(0xC0000034L), "reading \\\\web01\\C$\\x\\applicationHost.config");
        assertEquals(Reason.NOT_FOUND, file.reason());
        assertTrue(file.getMessage().contains("is IIS installed there?"), file.getMessage());
        RemoteLsaException fault = classify(new RPCFaultException(0x1c01000b));
        assertEquals(Reason.PROTOCOL, fault.reason());
        assertEquals(Reason.PROTOCOL, classify(new EOFException()).reason());
        assertEquals(Reason.PROTOCOL, classify(new IllegalStateException("odd")).reason());
        assertEquals(Reason.PROTOCOL, classify(new RPCException("LsarEnumerateAccounts", 0xC0000001)).reason());
    }

    @Test
    void aDfsReferralIsNotFollowedAndTheStatusOfAnSmbFailureIsFound() {
        RemoteLsaException dfs = failures.classify(smb(0xC0000257L), "reading \\\\web01\\SysVol\\x\\GptTmpl.inf");
        assertEquals(Reason.DFS_REFERRAL, dfs.reason());
        assertTrue(dfs.getMessage().contains("DFS referral") && dfs.getMessage().contains("not followed"), dfs.getMessage());
        assertEquals(Long.valueOf(0xC00000ACL), SmbFailures.status(new java.io.IOException("wrapped", smb(0xC00000ACL))));
        assertEquals(null, SmbFailures.status(new java.io.IOException("no status")));
    }

    @Test
    void statusNamesComeFromSmbjOrDcerpc() {
        assertEquals("0xC0000022 STATUS_ACCESS_DENIED", SmbFailures.statusName(0xC0000022L));
        assertEquals("0xC0000060 STATUS_NO_SUCH_PRIVILEGE", SmbFailures.statusName(0xC0000060L));
        assertEquals("0x12345678", SmbFailures.statusName(0x12345678L));
    }

    @Test
    void anUnclassifiedFailureIsWordedWithoutItsJavaType() {
        RemoteLsaException wrapped = classify(new ExecutionException(new TransportException(new IllegalStateException())));
        assertEquals(Reason.PROTOCOL, wrapped.reason());
        assertFalse(wrapped.getMessage().contains("Exception"), wrapped.getMessage());
        assertTrue(wrapped.getMessage().endsWith("an unexpected answer (run with --debug for details)"), wrapped.getMessage());
        RemoteLsaException worded = classify(new IllegalStateException("bad fragment length 7"));
        assertTrue(worded.getMessage().endsWith("failed: bad fragment length 7"), worded.getMessage());
    }
}
