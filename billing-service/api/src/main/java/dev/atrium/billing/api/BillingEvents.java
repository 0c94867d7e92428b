package dev.atrium.billing.api;

/** Topic billing-service publishes balance changes on. */
public final class BillingEvents {

    public static final String BALANCE_TOPIC = "atrium.billing.balance";
    public static final String SOURCE = "/atrium/billing-service";

    private BillingEvents() {
    }
}
