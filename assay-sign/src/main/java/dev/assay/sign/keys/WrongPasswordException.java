package dev.assay.sign.keys;

import dev.assay.model.InvalidInputException;

/** The password does not open the encrypted key (or the key file was altered since it was written). */
public class WrongPasswordException extends InvalidInputException {
    public WrongPasswordException(String name) {
        super("wrong password for " + name + " (or the key file was altered)", name);
    }
}
