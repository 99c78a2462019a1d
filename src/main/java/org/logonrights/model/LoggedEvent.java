package org.logonrights.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One event from the server's logs that tells what happened to a pool's logon: a WAS event naming
 * the pool, or a Security 4625 (failed logon) of a batch or service logon naming the account.
 *
 * @param kind which event it is
 * @param time when it was logged, in UTC as written
 * @param recordId the log's EventRecordID
 * @param computer the computer that logged it
 * @param poolName the application pool a WAS event names, or null (4625)
 * @param account the account a 4625 names ({@code DOMAIN\\user}), or null (WAS)
 * @param accountSid the account's SID in a 4625 when it is not the NULL SID, or null
 * @param failure why the logon failed, or null when the event says nothing about it (5002, 5057, 5059)
 * @param code the code the failure was decided from, as it is shown: a Win32 error ({@code 1385}) or an
 *     NTSTATUS ({@code 0xC000015B}); null when the event carries none
 * @param source the file (and record) it was read from
 */
public record LoggedEvent(EventKind kind, Instant time, long recordId, String computer, String poolName,
                          String account, Sid accountSid, LogonFailure failure, String code, Provenance source) {

    public LoggedEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
    }

    /** The events kept; everything else in a log is counted and dropped. */
    public enum EventKind {
        WAS_RAPID_FAIL(5002, "WAS disabled the pool after a series of worker process failures (rapid-fail protection)"),
        WAS_IDENTITY_INVALID(5021, "WAS found the pool's identity invalid: it could not log on the account"),
        WAS_POOL_DISABLED(5057, "WAS disabled the pool because its identity is invalid"),
        WAS_POOL_DISABLED_LAUNCH(5059, "WAS disabled the pool after failing to start a worker process"),
        WAS_WORKER_NOT_TRUSTED(5127, "WAS no longer trusts the pool's worker process"),
        SECURITY_LOGON_FAILED(4625, "a logon of the account failed");

        private final int id;
        private final String meaning;

        EventKind(int id, String meaning) {
            this.id = id;
            this.meaning = meaning;
        }

        public int id() {
            return id;
        }

        public String meaning() {
            return meaning;
        }
    }
}
