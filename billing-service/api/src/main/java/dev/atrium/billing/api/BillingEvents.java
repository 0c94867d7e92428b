package dev.atrium.billing.api;

/**
 * Topic billing-service publishes balance changes on. Both types share the topic, keyed by
 * organization id so they stay in order: consumers tell them apart by {@code ce_type}.
 */
public final class BillingEvents {

    public static final String BALANCE_TOPIC = "atrium.billing.balance";
    public static final String SOURCE = "/atrium/billing-service";
    /** Payload {@link BalanceChanged}, keyed by organization id. */
    public static final String BALANCE_CHANGED = "dev.atrium.billing.balance.changed.v1";
    /** Payload {@link LowBalance}, keyed by organization id. */
    public static final String LOW_BALANCE = "dev.atrium.billing.balance.low.v1";

    private BillingEvents() {
    }
}
