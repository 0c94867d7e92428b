package dev.atrium.guardrail.api;

/**
 * Who holds a reservation: the gateway instance that asked for it ({@code instance}, its stable
 * {@code atrium.instance-id}, the pod name of a StatefulSet replica) and that instance's present life
 * ({@code life}, new at every start). A check carries it; {@code POST
 * /internal/v1/reservations/release-previous-lives} takes it when an instance starts, and guardrail gives
 * back every hold of the same instance taken in another life: the previous life crashed or stopped, so
 * nothing will settle or release them (docs/adr/0019-holds-instance-release.md).
 */
public record Holder(String instance, String life) {

    /** The answer of a release of previous lives: how many reservations were still held and given back. */
    public record Released(int released) {
    }
}
