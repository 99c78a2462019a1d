import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The floor of a picocli command-line tool: the hello world of {@link Hello} as an annotated
 * picocli command with one option, run with the picocli of logonrights.jar, the launcher's JVM
 * options and an AppCDS archive of its own. What logonrights adds above this is its own work;
 * what this adds above Hello is the price of the CLI framework (docs/performance.md).
 */
@Command(name = "hello", mixinStandardHelpOptions = true, version = "1")
public final class PicocliHello implements Callable<Integer> {

    @Option(names = "--name", description = "Who to greet.")
    private String name = "world";

    @Override
    public Integer call() {
        System.out.println("hello " + name);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PicocliHello()).execute(args));
    }
}
