package io.quartermaster.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /registers/{code}/sales} (DESIGN.md §9 "Settlement"): sales a register made and
 * recorded on the device first, in the order it numbered them. Each is recorded once per its
 * {@code id}, whether it arrives once or many times, in one request or several.
 */
public class RegisterSales {

    /** At most this many sales per request. */
    public static final int MAX_SALES = 500;

    @NotEmpty(message = "at least one sale")
    @Size(max = MAX_SALES, message = "at most 500 sales per request")
    public List<@NotNull @Valid Sale> sales;

    /** One sale as the register made it. */
    public static class Sale {

        /** The register's own id for the sale. */
        @NotNull
        public UUID id;

        /** The register's number for the sale: 1, 2, 3, … without gaps. */
        @NotNull
        @Positive
        @Max(value = 1_000_000_000_000L, message = "must be at most 1,000,000,000,000")
        public Long seq;

        /** When the register sold it, by its own clock. */
        @NotNull
        public Instant soldAt;

        @NotEmpty(message = "at least one line")
        @Size(max = 100, message = "at most 100 lines")
        public List<@NotNull @Valid Line> lines;

        @NotNull
        @Valid
        public Tender tender;

        @Size(max = 200, message = "at most 200 characters")
        public String cashier;
    }

    /** A SKU, how many, and the tax-exclusive unit price the register charged. */
    public static class Line {

        @NotBlank
        public String sku;

        @NotNull
        @Positive
        @Max(value = io.quartermaster.platform.api.Money.MAX_QUANTITY, message = "must be at most 1,000,000,000")
        public Integer quantity;

        @NotNull
        @DecimalMin(value = "0.00", message = "must be zero or more")
        @Digits(integer = 10, fraction = 2, message = "at most 2 decimals")
        public BigDecimal unitPrice;

        public Line() {
        }

        public Line(String sku, int quantity, BigDecimal unitPrice) {
            this.sku = sku;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
        }
    }

    /** How the customer paid: cash, or a card whose token is captured when the sale reaches the server. */
    public static class Tender {

        @NotNull
        @Pattern(regexp = "CASH|CARD", message = "must be CASH or CARD")
        public String type;

        @Size(min = 1, max = 200, message = "1 to 200 characters")
        public String token;

        public Tender() {
        }

        public Tender(String type, String token) {
            this.type = type;
            this.token = token;
        }
    }

    /** What became of one sale: RECORDED now, ALREADY_RECORDED before (or REFUSED before), or REFUSED. */
    public record Result(UUID id, long seq, String status, UUID orderId, String payment,
                         java.util.Map<String, Object> problem) {
    }

    /** The answer: a result per sale, in the order sent, and the register as it is now. */
    public record Settled(List<Result> results, RegisterView register) {
    }
}
