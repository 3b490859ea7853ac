package io.connector.benchmarks.importbench;

/** Command-line values of the import benchmark's programs, refused with what was wrong. */
final class Args {

    private Args() {
    }

    static int positive(String name, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        System.err.println(name + " must be a whole number above 0, not '" + text + "'");
        System.exit(2);
        return 0;
    }
}
