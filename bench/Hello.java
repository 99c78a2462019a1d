/** The floor of a Java command-line tool: start the JVM, print a line, exit. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
