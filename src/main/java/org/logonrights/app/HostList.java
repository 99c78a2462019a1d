package org.logonrights.app;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.logonrights.model.InputException;
import org.logonrights.sources.InputFiles;

/**
 * The hosts and snapshots a fleet run names: {@code --remote @FILE} is a file of hosts, one a line
 * ({@code #} starts a comment, blank lines are ignored); {@code --snapshot DIR} is every {@code *.json}
 * in the folder, sorted by name.
 */
public final class HostList {

    private HostList() {
    }

    /** The hosts of {@code --remote} values, each a host or {@code @FILE}, in the order given. */
    public static List<String> hosts(List<String> values, long maxBytes) throws InputException, UsageException {
        List<String> hosts = new ArrayList<>();
        for (String value : values) {
            if (value.startsWith("@")) {
                hosts.addAll(read(Path.of(value.substring(1)), maxBytes));
            } else if (value.isBlank()) {
                throw new UsageException("--remote: an empty host name");
            } else {
                hosts.add(value.strip());
            }
        }
        return hosts;
    }

    /** The hosts of a host file. */
    static List<String> read(Path file, long maxBytes) throws InputException {
        String text;
        try {
            byte[] bytes = new InputFiles(maxBytes).readAll(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file, null, "is not UTF-8 text (a host list, one host a line)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> hosts = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String host = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (host.isEmpty()) {
                continue;
            }
            if (host.chars().anyMatch(Character::isWhitespace)) {
                throw new InputException(file, "line " + (i + 1), "'" + host + "' is not one host name: give one host a line");
            }
            hosts.add(host);
        }
        if (hosts.isEmpty()) {
            throw new InputException(file, null, "names no host (one host a line; # starts a comment)");
        }
        return hosts;
    }

    /** The snapshot files of {@code --snapshot} values: a file as given, a folder as its {@code *.json} sorted by name. */
    public static List<Path> snapshots(List<Path> values) throws InputException {
        List<Path> files = new ArrayList<>();
        for (Path value : values) {
            if (!Files.isDirectory(value)) {
                files.add(value);
                continue;
            }
            List<Path> inside = new ArrayList<>();
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(value, "*.json")) {
                for (Path p : dir) {
                    if (Files.isRegularFile(p)) {
                        inside.add(p);
                    }
                }
            } catch (NoSuchFileException e) {
                throw new InputException(value, null, "no such folder");
            } catch (IOException e) {
                throw new InputException(value, null, "cannot list the folder: " + e.getClass().getSimpleName());
            }
            if (inside.isEmpty()) {
                throw new InputException(value, null, "holds no *.json snapshot");
            }
            inside.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
            files.addAll(inside);
        }
        return files;
    }
}
