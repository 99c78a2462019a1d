package org.logonrights.sources;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an input file looks like from its first bytes, so that a file given to the wrong option is
 * answered with what it is and where it belongs instead of a parser's complaint (issue 16).
 */
public enum InputKind {
    SECURITY_TEMPLATE("a security template (secedit export or GptTmpl.inf)", "--secedit or --gpo-template"),
    APPLICATION_HOST("an applicationHost.config", "--applicationhost"),
    GPRESULT("a gpresult /x report", "--gpresult"),
    MEMBERSHIPS("a membership file", "--memberships"),
    SNAPSHOT("a snapshot (logonrights collect)", "--snapshot"),
    REPORT("a logonrights report", null),
    OTHER_XML("an XML file of another kind", null);

    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
    private static final Pattern JSON_KEY = Pattern.compile("\"([A-Za-z]+)\"\\s*:");

    private final String description;
    private final String option;

    InputKind(String description, String option) {
        this.description = description;
        this.option = option;
    }

    public String description() {
        return description;
    }

    /**
     * The sentence for a file given where {@code expected} belongs: what it is and, when it is an
     * input, the option that takes it.
     */
    public String misplaced(InputKind expected) {
        return "this is " + description + ", not " + expected.description
                + (option == null ? "" : ": give it to " + option);
    }

    /** The kind decoded text looks like, or empty when it looks like none of them. */
    public static Optional<InputKind> sniff(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String head = t.substring(0, Math.min(t.length(), 4096)).stripLeading();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        char first = head.charAt(0);
        if (first == '<') {
            return Optional.of(xml(head));
        }
        if (first == '{') {
            return json(head);
        }
        if (first == '[' || first == ';') {
            String firstLine = head.lines().filter(l -> !l.isBlank() && !l.strip().startsWith(";")).findFirst().orElse("");
            return firstLine.matches("\\s*\\[[^\\]\"{]+\\]\\s*(;.*)?") ? Optional.of(SECURITY_TEMPLATE) : Optional.empty();
        }
        return Optional.empty();
    }

    private static InputKind xml(String head) {
        Matcher m = ROOT.matcher(head);
        while (m.find()) {
            String name = m.group(1);
            if (name.equals("xml") || head.startsWith("!", m.start() + 1)) {
                continue;
            }
            String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
            if (local.equals("Rsop") || local.equals("GPO")) {
                return GPRESULT;
            }
            if (local.equals("configuration")) {
                return head.contains("<system.applicationHost") || head.contains("<configSections") ? APPLICATION_HOST : OTHER_XML;
            }
            return OTHER_XML;
        }
        return OTHER_XML;
    }

    private static Optional<InputKind> json(String head) {
        if (head.contains("\"logonrights-snapshot\"")) {
            return Optional.of(SNAPSHOT);
        }
        Matcher m = JSON_KEY.matcher(head);
        while (m.find()) {
            switch (m.group(1)) {
                case "accounts" -> {
                    return Optional.of(MEMBERSHIPS);
                }
                case "pools", "summary" -> {
                    return Optional.of(REPORT);
                }
                default -> { }
            }
        }
        return Optional.empty();
    }
}
