import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the offline inputs of a synthetic IIS server for benchmarks: applicationHost.config,
 * a secedit export (UTF-16LE with BOM and CRLF, as Windows writes it), memberships.json and,
 * with {@code --gpresult}, a gpresult XML report shaped like samples/server-fault/gpresult.xml.
 *
 * <p>Run it with the single-file source launcher, so it needs nothing but the JDK that builds the
 * project: {@code java bench/GenerateServer.java OUT_DIR --pools 20000 --groups 20 --service-sids 20000}.
 *
 * <p>Pools cycle through the identity kinds: ApplicationPoolIdentity, SpecificUser (LogonBatch),
 * ApplicationPoolIdentity, SpecificUser (LogonService), and every tenth pool runs as
 * NetworkService instead. So half of the pools run as a custom account of their own: 20,000 pools
 * give 10,000 distinct accounts, each in {@code --groups} domain groups plus BUILTIN\Users. The
 * output is deterministic for a given set of options.
 */
public final class GenerateServer {

    private static final String DOMAIN_SID = "S-1-5-21-1870432911-2944718543-2413046519";
    private static final String DOMAIN = "WOODGROVE";
    private static final int GROUP_COUNT = 500;
    private static final int APPS_PER_SITE = 50;

    private enum Kind { APP_POOL_IDENTITY, NETWORK_SERVICE, BATCH_USER, SERVICE_USER }

    private record Pool(String name, Kind kind, int account) {
    }

    private GenerateServer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/GenerateServer.java OUT_DIR [--pools N] [--groups G] "
                    + "[--service-sids S] [--gpresult]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int pools = 200;
        int groups = 20;
        int serviceSids = -1;
        boolean gpresult = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--pools" -> pools = Integer.parseInt(args[++i]);
                case "--groups" -> groups = Integer.parseInt(args[++i]);
                case "--service-sids" -> serviceSids = Integer.parseInt(args[++i]);
                case "--gpresult" -> gpresult = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (serviceSids < 0) {
            serviceSids = pools;
        }
        Files.createDirectories(out);
        List<Pool> list = pools(pools);
        Files.writeString(out.resolve("applicationHost.config"), applicationHost(list), StandardCharsets.UTF_8);
        writeUtf16Le(out.resolve("secedit.inf"), secedit(list, serviceSids));
        Files.writeString(out.resolve("memberships.json"), memberships(list, groups), StandardCharsets.UTF_8);
        if (gpresult) {
            writeUtf16Le(out.resolve("gpresult.xml"), gpresult(list));
        }
    }

    private static List<Pool> pools(int n) {
        List<Pool> list = new ArrayList<>(n);
        int accounts = 0;
        for (int i = 0; i < n; i++) {
            Kind kind = switch (i % 4) {
                case 1 -> Kind.BATCH_USER;
                case 3 -> Kind.SERVICE_USER;
                default -> i % 10 == 0 ? Kind.NETWORK_SERVICE : Kind.APP_POOL_IDENTITY;
            };
            boolean custom = kind == Kind.BATCH_USER || kind == Kind.SERVICE_USER;
            list.add(new Pool(String.format(Locale.ROOT, "pool-%05d", i), kind, custom ? accounts++ : -1));
        }
        return list;
    }

    private static String account(int a) {
        return DOMAIN + "\\svc-app-" + a;
    }

    private static String accountSid(int a) {
        return DOMAIN_SID + "-" + (100_000 + a);
    }

    private static String groupSid(int g) {
        return DOMAIN_SID + "-" + (10_000 + g);
    }

    private static String groupName(int g) {
        return DOMAIN + "\\app-group-" + g;
    }

    /** The batch right goes to the first 50 groups: accounts get it through a group, as on real servers. */
    private static boolean batchGroup(int g) {
        return g < 50;
    }

    private static String applicationHost(List<Pool> list) {
        StringBuilder b = new StringBuilder(list.size() * 300);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n  <system.applicationHost>\n")
                .append("    <applicationPools>\n");
        for (Pool p : list) {
            b.append("      <add name=\"").append(p.name()).append("\" managedRuntimeVersion=\"\">\n");
            switch (p.kind()) {
                case NETWORK_SERVICE -> b.append("        <processModel identityType=\"NetworkService\" />\n");
                case BATCH_USER -> b.append("        <processModel identityType=\"SpecificUser\" userName=\"")
                        .append(account(p.account())).append("\" password=\"[enc:IISWASOnlyCngProvider:")
                        .append(p.account()).append(":enc]\" />\n");
                case SERVICE_USER -> b.append("        <processModel identityType=\"SpecificUser\" userName=\"")
                        .append(account(p.account())).append("\" logonType=\"LogonService\" password=\"[enc:IISWASOnlyCngProvider:")
                        .append(p.account()).append(":enc]\" />\n");
                default -> {
                }
            }
            b.append("      </add>\n");
        }
        b.append("      <applicationPoolDefaults managedRuntimeVersion=\"v4.0\">\n")
                .append("        <processModel identityType=\"ApplicationPoolIdentity\" loadUserProfile=\"true\" />\n")
                .append("      </applicationPoolDefaults>\n    </applicationPools>\n    <sites>\n");
        for (int s = 0; s * APPS_PER_SITE < list.size(); s++) {
            b.append("      <site name=\"site-").append(s).append("\" id=\"").append(s + 1).append("\">\n");
            for (int i = s * APPS_PER_SITE; i < Math.min(list.size(), (s + 1) * APPS_PER_SITE); i++) {
                String path = i % APPS_PER_SITE == 0 ? "/" : "/app-" + i;
                b.append("        <application path=\"").append(path).append("\" applicationPool=\"")
                        .append(list.get(i).name()).append("\">\n")
                        .append("          <virtualDirectory path=\"/\" physicalPath=\"D:\\web\\").append(list.get(i).name())
                        .append("\" />\n        </application>\n");
            }
            b.append("        <bindings>\n          <binding protocol=\"http\" bindingInformation=\"*:")
                    .append(8000 + s).append(":\" />\n        </bindings>\n      </site>\n");
        }
        b.append("    </sites>\n  </system.applicationHost>\n</configuration>\n");
        return b.toString();
    }

    /**
     * The service right holds the SID of every ApplicationPoolIdentity pool and every LogonService
     * account, topped up with SIDs of other domain accounts up to {@code serviceSids}; a few accounts
     * are denied their logon so that the report has failures to explain.
     */
    private static String secedit(List<Pool> list, int serviceSids) {
        List<String> service = new ArrayList<>();
        service.add("*S-1-5-80-0");
        List<String> denyBatch = new ArrayList<>();
        List<String> denyService = new ArrayList<>();
        denyBatch.add("*S-1-5-32-546");
        for (Pool p : list) {
            if (p.kind() == Kind.APP_POOL_IDENTITY) {
                service.add("*" + appPoolSid(p.name()));
            } else if (p.kind() == Kind.SERVICE_USER) {
                service.add("*" + accountSid(p.account()));
                if (p.account() % 97 == 0) {
                    denyService.add("*" + accountSid(p.account()));
                }
            } else if (p.kind() == Kind.BATCH_USER && p.account() % 89 == 0) {
                denyBatch.add("*" + accountSid(p.account()));
            }
        }
        for (int extra = 0; service.size() < serviceSids; extra++) {
            service.add("*" + DOMAIN_SID + "-" + (5_000_000 + extra));
        }
        List<String> batch = new ArrayList<>(List.of("*S-1-5-32-544", "*S-1-5-32-551", "*S-1-5-32-559"));
        for (int g = 0; g < GROUP_COUNT; g++) {
            if (batchGroup(g)) {
                batch.add("*" + groupSid(g));
            }
        }
        StringBuilder b = new StringBuilder(service.size() * 60);
        b.append("[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\n");
        b.append("SeNetworkLogonRight = *S-1-1-0,*S-1-5-32-544,*S-1-5-32-545,*S-1-5-32-551\r\n");
        b.append("SeBackupPrivilege = *S-1-5-32-544,*S-1-5-32-551\r\n");
        b.append("SeChangeNotifyPrivilege = *S-1-1-0,*S-1-5-19,*S-1-5-20,*S-1-5-32-544,*S-1-5-32-545,*S-1-5-32-551\r\n");
        b.append("SeBatchLogonRight = ").append(String.join(",", batch)).append("\r\n");
        b.append("SeServiceLogonRight = ").append(String.join(",", service)).append("\r\n");
        b.append("SeInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-545,*S-1-5-32-551\r\n");
        b.append("SeDenyNetworkLogonRight = Guest\r\n");
        b.append("SeDenyInteractiveLogonRight = Guest\r\n");
        b.append("SeDenyBatchLogonRight = ").append(String.join(",", denyBatch)).append("\r\n");
        if (!denyService.isEmpty()) {
            b.append("SeDenyServiceLogonRight = ").append(String.join(",", denyService)).append("\r\n");
        }
        b.append("SeRemoteInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-555\r\n");
        b.append("SeImpersonatePrivilege = *S-1-5-19,*S-1-5-20,*S-1-5-32-544,*S-1-5-32-568,*S-1-5-6\r\n");
        b.append("[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n");
        return b.toString();
    }

    /** Each account is in {@code groups} distinct domain groups (spread over 500) and BUILTIN\Users. */
    private static String memberships(List<Pool> list, int groups) {
        StringBuilder b = new StringBuilder(list.size() * groups * 50);
        b.append("{\n  \"accounts\": [");
        boolean first = true;
        for (Pool p : list) {
            if (p.account() < 0) {
                continue;
            }
            b.append(first ? "\n" : ",\n");
            first = false;
            int a = p.account();
            b.append("    {\n      \"account\": \"").append(account(a).replace("\\", "\\\\")).append("\",\n")
                    .append("      \"sid\": \"").append(accountSid(a)).append("\",\n      \"groups\": [\n");
            for (int k = 0; k < groups; k++) {
                int g = (a * 7 + k * 31) % GROUP_COUNT;
                b.append("        {\"sid\": \"").append(groupSid(g)).append("\", \"name\": \"")
                        .append(groupName(g).replace("\\", "\\\\")).append("\"},\n");
            }
            b.append("        {\"sid\": \"S-1-5-32-545\", \"name\": \"BUILTIN\\\\Users\"}\n      ]\n    }");
        }
        b.append("\n  ]\n}\n");
        return b.toString();
    }

    /** One GPO defines the batch right (the same groups as the export) and an empty deny-batch right. */
    private static String gpresult(List<Pool> list) {
        String types = "http://www.microsoft.com/GroupPolicy/Types";
        String gpoId = "{B8E2D4A6-1C3F-4F70-9E5D-2A6C8B0E4D13}";
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n")
                .append("<Rsop xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xmlns=\"http://www.microsoft.com/GroupPolicy/Rsop\">\r\n")
                .append("  <ReadTime>2026-11-20T08:41:17.2210458Z</ReadTime>\r\n  <DataType>LoggedData</DataType>\r\n")
                .append("  <ComputerResults>\r\n    <Version>2752518</Version>\r\n")
                .append("    <Name>").append(DOMAIN).append("\\BENCH-WEB-01$</Name>\r\n")
                .append("    <Domain>woodgrove.example</Domain>\r\n    <SOM>woodgrove.example/Servers/Web</SOM>\r\n")
                .append("    <ExtensionStatus>\r\n      <Name>Security</Name>\r\n")
                .append("      <Identifier>{827D319E-6EAC-11D2-A4EA-00C04F79F83A}</Identifier>\r\n")
                .append("      <BeginTime>2026-11-20T08:39:59</BeginTime>\r\n      <EndTime>2026-11-20T08:40:01</EndTime>\r\n")
                .append("      <LoggingStatus>Complete</LoggingStatus>\r\n      <Error>0</Error>\r\n    </ExtensionStatus>\r\n")
                .append("    <GPO>\r\n      <Name>WOODGROVE Web Tier - User Rights</Name>\r\n      <Path>\r\n")
                .append("        <Identifier xmlns=\"").append(types).append("\">").append(gpoId.toLowerCase(Locale.ROOT))
                .append("</Identifier>\r\n        <Domain xmlns=\"").append(types).append("\">woodgrove.example</Domain>\r\n")
                .append("      </Path>\r\n      <VersionDirectory>6</VersionDirectory>\r\n      <VersionSysvol>6</VersionSysvol>\r\n")
                .append("      <Enabled>true</Enabled>\r\n      <IsValid>true</IsValid>\r\n      <FilterAllowed>true</FilterAllowed>\r\n")
                .append("      <AccessDenied>false</AccessDenied>\r\n      <Link>\r\n        <SOMPath>woodgrove.example/Servers/Web</SOMPath>\r\n")
                .append("        <SOMOrder>1</SOMOrder>\r\n        <AppliedOrder>1</AppliedOrder>\r\n        <LinkOrder>1</LinkOrder>\r\n")
                .append("        <Enabled>true</Enabled>\r\n        <NoOverride>false</NoOverride>\r\n      </Link>\r\n")
                .append("      <ExtensionName>Security</ExtensionName>\r\n    </GPO>\r\n")
                .append("    <ExtensionData>\r\n      <Extension xmlns:q1=\"http://www.microsoft.com/GroupPolicy/Settings/Security\" ")
                .append("xsi:type=\"q1:SecuritySettings\" xmlns=\"http://www.microsoft.com/GroupPolicy/Settings\">\r\n");
        List<String[]> batch = new ArrayList<>();
        batch.add(new String[] {"S-1-5-32-544", "BUILTIN\\Administrators"});
        batch.add(new String[] {"S-1-5-32-551", "BUILTIN\\Backup Operators"});
        batch.add(new String[] {"S-1-5-32-559", "BUILTIN\\Performance Log Users"});
        for (int g = 0; g < GROUP_COUNT; g++) {
            if (batchGroup(g)) {
                batch.add(new String[] {groupSid(g), groupName(g)});
            }
        }
        assignment(b, types, gpoId, "SeBatchLogonRight", batch);
        List<String[]> denyBatch = new ArrayList<>();
        denyBatch.add(new String[] {"S-1-5-32-546", "BUILTIN\\Guests"});
        assignment(b, types, gpoId, "SeDenyBatchLogonRight", denyBatch);
        b.append("      </Extension>\r\n      <Name>Security</Name>\r\n    </ExtensionData>\r\n")
                .append("  </ComputerResults>\r\n</Rsop>\r\n");
        return b.toString();
    }

    private static void assignment(StringBuilder b, String types, String gpoId, String right, List<String[]> members) {
        b.append("        <q1:UserRightsAssignment>\r\n")
                .append("          <GPO xmlns=\"http://www.microsoft.com/GroupPolicy/Settings/Base\">\r\n")
                .append("            <Identifier xmlns=\"").append(types).append("\">").append(gpoId).append("</Identifier>\r\n")
                .append("            <Domain xmlns=\"").append(types).append("\">woodgrove.example</Domain>\r\n")
                .append("          </GPO>\r\n")
                .append("          <Precedence xmlns=\"http://www.microsoft.com/GroupPolicy/Settings/Base\">1</Precedence>\r\n")
                .append("          <q1:Name>").append(right).append("</q1:Name>\r\n");
        for (String[] m : members) {
            b.append("          <q1:Member>\r\n            <SID xmlns=\"").append(types).append("\">").append(m[0])
                    .append("</SID>\r\n            <Name xmlns=\"").append(types).append("\">").append(m[1])
                    .append("</Name>\r\n          </q1:Member>\r\n");
        }
        b.append("        </q1:UserRightsAssignment>\r\n");
    }

    private static void writeUtf16Le(Path file, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        Files.write(file, all);
    }

    /** IIS APPPOOL\name: SHA-1 over the lower-cased name in UTF-16LE, read as five little-endian numbers. */
    private static String appPoolSid(String pool) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(pool.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_16LE));
            ByteBuffer buf = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
            StringBuilder s = new StringBuilder("S-1-5-82");
            for (int i = 0; i < 5; i++) {
                s.append('-').append(Integer.toUnsignedLong(buf.getInt()));
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
