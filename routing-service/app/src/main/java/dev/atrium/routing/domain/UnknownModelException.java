package dev.atrium.routing.domain;

/** A request named a model the catalogue does not hold. */
public class UnknownModelException extends RuntimeException {

    private final transient ModelRequest model;

    public UnknownModelException(ModelRequest model) {
        super("Model " + model.id() + " is not in the catalogue");
        this.model = model;
    }

    public ModelRequest model() {
        return model;
    }
}
