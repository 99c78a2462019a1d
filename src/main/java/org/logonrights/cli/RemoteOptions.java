package org.logonrights.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.logonrights.app.RemoteRequest;
import org.logonrights.app.UsageException;
import org.logonrights.model.InputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The remote-audit options (a picocli mixin): which machine, as whom, and where the password comes
 * from. A password is never taken as an argument value: it would sit in shell history and in every
 * process listing.
 */
public final class RemoteOptions {

    /** The largest password file read; a password is never this long, a wrong file may be. */
    static final int MAX_PASSWORD_FILE_BYTES = 4096;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--remote", paramLabel = "HOST|@FILE",
            description = "Audit another machine over SMB (TCP 445) from any OS: its rights through the LSA "
                    + "policy and its applicationHost.config through the C$ share (see docs/remote-audit.md). "
                    + "Repeatable, and @FILE names a file of hosts, one a line (# comments): audit and explain "
                    + "then read the hosts in parallel, with the same credentials, into one fleet report (docs/fleet.md).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--user", paramLabel = "DOMAIN\\name",
            description = "The account to log on with (an administrator of HOST); also name@domain.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the password from environment variable VAR. Without this or --password-file: prompt.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from FILE (UTF-8, first line).")
    Path passwordFile;

    @Option(names = "--config-path", paramLabel = "SHARE\\PATH",
            description = "Where applicationHost.config is on HOST, as SHARE\\PATH (default: the file in "
                    + "%%windir%%\\System32\\inetsrv\\config on C$).")
    String configPath;

    @Option(names = "--dc", paramLabel = "HOST",
            description = "A domain controller of HOST's domain, read over LDAP (TCP 389) with Kerberos (TCP 88) "
                    + "as --user, for the groups of domain pool accounts (default: HOST itself when it is a DC, else one "
                    + "found from HOST's DNS domain).")
    String dc;

    @Option(names = "--dc-auth", paramLabel = "kerberos|ldaps",
            description = "How to authenticate to the DC: kerberos (default; LDAP with Kerberos, integrity-protected) "
                    + "or ldaps (TCP 636: TLS, then a simple bind inside it).")
    RemoteRequest.Binding dcAuth;

    @Option(names = "--dc-ca", paramLabel = "FILE",
            description = "With --dc-auth ldaps: the CA certificates (PEM or DER) to trust for the DC's certificate "
                    + "(default: the JVM's trust store).")
    Path dcCa;

    /** Refuses {@code --password VALUE} without echoing the value, which picocli's unknown-option error would. */
    @Option(names = "--password", hidden = true, arity = "0..1", paramLabel = "IGNORED")
    void refusePlainPassword(String ignored) {
        throw new ParameterException(mixee.commandLine(), "--password is not accepted: a password on the command "
                + "line leaks into shell history and process lists; use --password-env VAR, --password-file FILE "
                + "or answer the prompt");
    }

    Function<String, String> environment = System::getenv;

    /** True when any remote option was given, so that the remote path (and its checks) applies. */
    boolean requested() {
        return !hosts.isEmpty() || user != null || passwordEnv != null || passwordFile != null || configPath != null
                || dc != null || dcAuth != null || dcCa != null;
    }

    /** The {@code --remote} values, each a host or {@code @FILE}, in the order given. */
    List<String> hosts() {
        return hosts;
    }

    /** The remote options, with the host when one was given (several come from {@link #hosts()}), or null when none was given. */
    RemoteRequest request() {
        String one = hosts.size() == 1 && !hosts.get(0).startsWith("@") ? hosts.get(0) : null;
        return requested() ? new RemoteRequest(one, user, this::password, configPath,
                new RemoteRequest.Directory(dc, dcAuth, dcCa)) : null;
    }

    /** Asked for only when the logon happens, after the request was found complete. */
    private char[] password() throws UsageException, InputException {
        if (passwordEnv != null && passwordFile != null) {
            throw new UsageException("give either --password-env or --password-file, not both");
        }
        if (passwordEnv != null) {
            String value = environment.apply(passwordEnv);
            if (value == null || value.isEmpty()) {
                throw new UsageException("--password-env: environment variable " + passwordEnv + " is not set or empty");
            }
            return value.toCharArray();
        }
        if (passwordFile != null) {
            return readPasswordFile(passwordFile);
        }
        Console console = System.console();
        if (console == null) {
            throw new UsageException("no password: there is no console to prompt on; use --password-env VAR or --password-file FILE");
        }
        char[] typed = console.readPassword("Password for %s on %s: ", user, String.join(", ", hosts));
        if (typed == null || typed.length == 0) {
            throw new UsageException("no password entered");
        }
        return typed;
    }

    /** The first line of a UTF-8 file (BOM and line end dropped); every intermediate buffer is wiped. */
    static char[] readPasswordFile(Path file) throws UsageException, InputException {
        byte[] bytes = null;
        CharBuffer chars = null;
        try {
            if (Files.size(file) > MAX_PASSWORD_FILE_BYTES) {
                throw new InputException(file, null, "is larger than " + MAX_PASSWORD_FILE_BYTES + " bytes: not a password file");
            }
            bytes = Files.readAllBytes(file);
            int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            int end = 0;
            while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
                end++;
            }
            if (end == 0) {
                throw new UsageException("--password-file: " + file + " is empty");
            }
            char[] out = new char[end];
            chars.get(0, out, 0, end);
            return out;
        } catch (NoSuchFileException e) {
            throw new InputException(file, null, "no such file");
        } catch (CharacterCodingException e) {
            throw new InputException(file, null, "is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file, null, "cannot read: " + e.getClass().getSimpleName());
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
