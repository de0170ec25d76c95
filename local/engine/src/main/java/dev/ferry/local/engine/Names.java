package dev.ferry.local.engine;

/** The naming rules Step Functions applies to state machines and executions. */
final class Names {

    private static final int MAX_LENGTH = 80;
    private static final String FORBIDDEN = " <>{}[]?*\"#%\\^|~`$&,;:/";

    private Names() {
    }

    static void requireValid(String name, String kind) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new StepFunctionsException(StepFunctionsError.INVALID_NAME,
                    "Invalid Name: a " + kind + " name must have 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0) {
                throw new StepFunctionsException(StepFunctionsError.INVALID_NAME,
                        "Invalid Name: '" + name + "' contains the character '" + c + "'");
            }
        }
    }
}
