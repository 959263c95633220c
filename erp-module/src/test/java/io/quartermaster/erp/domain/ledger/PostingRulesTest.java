package io.quartermaster.erp.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostingRulesTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    private static BigDecimal debits(List<Posting> p) {
        return p.stream().map(Posting::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal credits(List<Posting> p) {
        return p.stream().map(Posting::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aSaleDebitsClearingAndCreditsRevenueAndTax() {
        List<Posting> p = PostingRules.postings("OrderPlaced", json("{\"orderId\":\"o\",\"subtotal\":100.00,\"tax\":20.00,\"total\":120.00}"));
        assertThat(p).containsExactly(Posting.debit("1000", new BigDecimal("120.00")),
                Posting.credit("4000", new BigDecimal("100.00")), Posting.credit("2100", new BigDecimal("20.00")));
        assertThat(debits(p)).isEqualByComparingTo(credits(p));
    }

    @Test
    void aReturnReversesTheSaleAtTheEventsAmounts() {
        List<Posting> p = PostingRules.postings("OrderReturned", json("{\"subtotal\":10.00,\"tax\":2.00,\"total\":12.00}"));
        assertThat(p).containsExactly(Posting.debit("4000", new BigDecimal("10.00")),
                Posting.debit("2100", new BigDecimal("2.00")), Posting.credit("1000", new BigDecimal("12.00")));
    }

    @Test
    void stockEventsPostTheValueTheyCarry() {
        assertThat(PostingRules.postings("StockSold", json("{\"value\":-7.50}")))
                .containsExactly(Posting.debit("5000", new BigDecimal("7.50")), Posting.credit("1200", new BigDecimal("7.50")));
        assertThat(PostingRules.postings("StockReturned", json("{\"value\":2.50}")))
                .containsExactly(Posting.debit("1200", new BigDecimal("2.50")), Posting.credit("5000", new BigDecimal("2.50")));
        assertThat(PostingRules.postings("StockReceived", json("{\"value\":40.00}")))
                .containsExactly(Posting.debit("1200", new BigDecimal("40.00")), Posting.credit("2000", new BigDecimal("40.00")));
        assertThat(PostingRules.postings("StockCounted", json("{\"value\":-5.94}")))
                .containsExactly(Posting.debit("5100", new BigDecimal("5.94")), Posting.credit("1200", new BigDecimal("5.94")));
        assertThat(PostingRules.postings("StockAdjusted", json("{\"value\":3.00}")))
                .containsExactly(Posting.debit("1200", new BigDecimal("3.00")), Posting.credit("5100", new BigDecimal("3.00")));
    }

    @Test
    void movementsWithoutValueHaveNoEntry() {
        assertThat(PostingRules.postings("StockTransferred", json("{\"value\":-15.00}"))).isEmpty();
        assertThat(PostingRules.postings("StockReserved", json("{\"value\":0}"))).isEmpty();
        assertThat(PostingRules.postings("StockReceived", json("{\"value\":0.00}"))).isEmpty();
        assertThat(PostingRules.postings("OrderPlaced", json("{\"subtotal\":0,\"tax\":0,\"total\":0}"))).isEmpty();
    }

    @Test
    void aPayloadWithoutItsAmountIsRefused() {
        assertThatThrownBy(() -> PostingRules.postings("StockSold", json("{\"sku\":\"A\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
