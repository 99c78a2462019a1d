package org.logonrights.report;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.logonrights.engine.Confidence;

/**
 * The insider terms an explanation uses, each in a few words for someone who never heard of LSA,
 * and what each confidence level means. {@code explain} ends with the entries its text uses;
 * docs/glossary.md lists them all with the same words (a test keeps the two in step).
 */
public final class Glossary {

    /** A term, how it is recognised in text, and what it means. */
    public record Entry(String term, Pattern use, String meaning) {
    }

    private static Entry entry(String term, String regex, String meaning) {
        return new Entry(term, Pattern.compile(regex), meaning);
    }

    /** In the order a reader meets them in an explanation. */
    public static final List<Entry> TERMS = List.of(
            entry("IIS APPPOOL", "\\bIIS APPPOOL\\\\", "The virtual account IIS creates for a pool that runs as "
                    + "ApplicationPoolIdentity, named IIS APPPOOL\\ followed by the pool's name; no one manages its password."),
            entry("WAS", "\\bWAS\\b", "Windows Process Activation Service: the IIS service that starts each pool's "
                    + "worker process (w3wp.exe) and logs it on as the pool's identity."),
            entry("LogonUser", "\\bLogonUser\\b", "The Windows call WAS uses to log a custom account on with its "
                    + "password; it fails with error 1385 when the account lacks the logon right."),
            entry("LOGON32_LOGON_BATCH", "\\bLOGON32_LOGON_BATCH\\b", "A batch logon, the kind IIS uses by default for "
                    + "a custom account; it needs the right 'Log on as a batch job' (SeBatchLogonRight)."),
            entry("LOGON32_LOGON_SERVICE", "\\bLOGON32_LOGON_SERVICE\\b", "A service logon, used when the pool sets "
                    + "logonType=\"LogonService\"; it needs 'Log on as a service' (SeServiceLogonRight)."),
            entry("LSA", "\\bLSA\\b", "Local Security Authority: the part of Windows that checks, at every logon, "
                    + "that the account or one of its groups holds the logon right and none is denied it."),
            entry("SID", "\\bSIDs?\\b", "Security identifier, such as S-1-5-32-544: the number Windows knows an "
                    + "account or group by. Rights are granted to SIDs, not to names."),
            entry("token", "\\btokens?\\b", "The list of SIDs a logon carries: the account's own and those of its "
                    + "groups. A right held by any of them counts; a deny on any of them wins."),
            entry("S4U", "\\bS4U\\b", "Service for User: a way for Windows to build an account's token, groups "
                    + "included, without its password; how a live audit learns an account's groups."),
            entry("GPO", "\\bGPOs?\\b", "Group Policy Object: settings pushed from the domain. A GPO that defines a "
                    + "logon right replaces the machine's own list of holders at every policy refresh."),
            entry("gpupdate", "\\bgpupdate\\b", "The command that applies Group Policy now (gpupdate /force) instead "
                    + "of at the next refresh, which Windows runs every 90 minutes or so and at start-up."),
            entry("RSoP", "\\bRSoP\\b", "Resultant Set of Policy: the Group Policy settings a machine actually "
                    + "applied, and which GPO each came from, as gpresult /x reports them."));

    private Glossary() {
    }

    /** The entries whose term {@code text} uses, in glossary order. */
    public static List<Entry> usedIn(String text) {
        return TERMS.stream().filter(e -> e.use().matcher(text).find()).toList();
    }

    /** What a confidence level says about a verdict, as docs/verdicts.md defines it. */
    public static String meaning(Confidence confidence) {
        return switch (confidence) {
            case DOCUMENTED -> "Microsoft states every fact this verdict rests on (documentation, KB, protocol "
                    + "specification).";
            case OBSERVED -> "The weakest fact this verdict rests on is seen, reproducibly, on real servers, but "
                    + "Microsoft does not state it.";
            case UNCERTAIN -> "The verdict rests on inference or on sources that disagree; only a test on the "
                    + "server settles it.";
        };
    }

    /** "confidence documented": how a level is named in the glossary. */
    public static String term(Confidence confidence) {
        return "confidence " + confidence.name().toLowerCase(Locale.ROOT);
    }
}
