package dev.binds.micronaut.cli;

/**
 * What a command did on one bind: its exit code, a line for people and a value for {@code --json}.
 *
 * @param code the exit code for this bind alone
 * @param text what people read after the bind's name
 * @param json what {@code --json} prints under the bind's name
 */
record Outcome(int code, String text, Object json) {

    boolean failed() {
        return code == BindCommand.FAILED;
    }

    /** @return the exit code of several outcomes: a failure over pending migrations over success */
    static int worst(int a, int b) {
        if (a == BindCommand.FAILED || b == BindCommand.FAILED) {
            return BindCommand.FAILED;
        }
        if (a == BindCommand.PENDING || b == BindCommand.PENDING) {
            return BindCommand.PENDING;
        }
        return Math.max(a, b);
    }
}
