package io.quartermaster.web.faces;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dates and times as the pages show them ({@code #{fmt.when(order.placedAt())}}): local time in
 * {@code QM_TIME_ZONE} (default: the server's zone), to the minute — or to the second where it
 * matters (a hold's expiry) —, with the exact instant for a tooltip. The API keeps ISO-8601 UTC.
 */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final Logger LOG = Logger.getLogger(Formats.class.getName());
    private static final Locale LOCALE = Locale.UK;

    @Inject
    @ConfigProperty(name = "qm.time-zone")
    Optional<String> configuredZone;

    private ZoneId zone;
    private DateTimeFormatter minutes;
    private DateTimeFormatter seconds;

    @PostConstruct
    void init() {
        zone = ZoneId.systemDefault();
        if (configuredZone.isPresent() && !configuredZone.get().isBlank()) {
            try {
                zone = ZoneId.of(configuredZone.get().trim());
            } catch (DateTimeException e) {
                LOG.warning(() -> "QM_TIME_ZONE '" + configuredZone.get() + "' is not a time zone (e.g. Europe/Berlin); "
                        + "showing times in " + ZoneId.systemDefault());
            }
        }
        minutes = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", LOCALE).withZone(zone);
        seconds = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", LOCALE).withZone(zone);
    }

    /** "1 Dec 2026, 14:05" in the configured zone; empty for none. */
    public String when(Instant instant) {
        return instant == null ? "" : minutes.format(instant);
    }

    /** "1 Dec 2026, 14:05:09": where seconds matter (expiries, attempts). */
    public String whenExactly(Instant instant) {
        return instant == null ? "" : seconds.format(instant);
    }

    /** The instant itself, for a tooltip: "2026-12-01T13:05:09.123Z (UTC)". */
    public String exact(Instant instant) {
        return instant == null ? null : instant + " (UTC) · shown in " + zone.getId();
    }

    /** "1 Dec 2026". */
    public String day(LocalDate date) {
        return date == null ? "" : io.quartermaster.web.report.Report.day(date);
    }

    /** "€1,234.50": an amount in the books' currency. */
    public String money(java.math.BigDecimal amount) {
        return money(amount, io.quartermaster.platform.api.Money.DEFAULT_CURRENCY.getCurrencyCode());
    }

    /** "€1,234.50", "$12.00", "CHF 3.00": an amount in the currency it was charged in. */
    public String money(java.math.BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(LOCALE);
        try {
            format.setCurrency(java.util.Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException e) {
            return amount.toPlainString() + (currency == null ? "" : " " + currency);
        }
        return format.format(amount);
    }

    /** "20 %" for 0.20, "7.5 %" for 0.075: a rate as people say it. */
    public String percent(java.math.BigDecimal rate) {
        if (rate == null) {
            return "";
        }
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    public String zone() {
        return zone.getId();
    }

    /** The zone pages show times in, and read dates typed into filters in. */
    public ZoneId zoneId() {
        return zone;
    }

    /** "1a2b3c4d": the first eight characters of an id, enough to tell orders apart and to search by. */
    public String shortId(java.util.UUID id) {
        return id == null ? "" : id.toString().substring(0, 8);
    }
}
