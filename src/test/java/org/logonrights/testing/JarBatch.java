package org.logonrights.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.logonrights.cli.Main;

/**
 * Many command lines in one JVM of the built jar: {@code java -cp logonrights.jar:DIR JarBatch}, where DIR
 * holds this class alone, so that every class and resource the CLI loads comes from the jar, and each
 * run goes through {@link Main#mainWithoutExit}, the entry {@code Main.main} (the jar's Main-Class)
 * calls before {@code System.exit}. A JVM per cut costs half a second; thousands of cuts in one JVM
 * per file cost seconds. JDK classes only, no lambdas or nested classes: this one class file is all
 * that is copied beside the jar.
 *
 * <p>Reads one instruction per line from standard input, fields separated by tabs:
 * {@code CUT <target> <source> <bytes>} writes the first {@code bytes} bytes of {@code source} to
 * {@code target}; {@code RUN <arg>...} runs the CLI and prints {@code EXIT <code>}, {@code OUT <base64>}
 * and {@code ERR <base64>} on three lines.
 */
public final class JarBatch {

    private JarBatch() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Base64.Encoder base64 = Base64.getEncoder();
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("CUT")) {
                byte[] whole = Files.readAllBytes(Path.of(f[2]));
                Files.write(Path.of(f[1]), Arrays.copyOf(whole, Integer.parseInt(f[3])));
            } else if (f[0].equals("RUN")) {
                StringWriter stdout = new StringWriter();
                StringWriter stderr = new StringWriter();
                int code;
                try (PrintWriter o = new PrintWriter(stdout); PrintWriter e = new PrintWriter(stderr)) {
                    code = Main.mainWithoutExit(Arrays.copyOfRange(f, 1, f.length), o, e);
                }
                out.println("EXIT " + code);
                out.println("OUT " + base64.encodeToString(stdout.toString().getBytes(StandardCharsets.UTF_8)));
                out.println("ERR " + base64.encodeToString(stderr.toString().getBytes(StandardCharsets.UTF_8)));
                out.flush();
            }
        }
        out.flush();
    }
}
