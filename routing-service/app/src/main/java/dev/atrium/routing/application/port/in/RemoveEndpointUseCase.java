package dev.atrium.routing.application.port.in;

public interface RemoveEndpointUseCase {

    /** Removes the endpoint and publishes its removal; 404 when the catalogue does not hold it. */
    void remove(String modelId, String providerId);
}
