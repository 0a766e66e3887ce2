package org.ledgerbridge.bench;

import org.ledgerbridge.payments.OpenInvoice;
import org.ledgerbridge.payments.PaymentApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The application engine: one payment planned against a member's ten open invoices (seed 003's rules). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PaymentApplicationBenchmark {

    List<OpenInvoice> invoices;
    PaymentApplication.Request byDues;
    PaymentApplication.Request byNumber;

    @Setup
    public void member() {
        invoices = new ArrayList<>();
        String[] types = {"DUES", "EVENT", "PUBLICATION"};
        for (int i = 0; i < 10; i++) {
            LocalDate date = LocalDate.of(2026, 1 + i, 1);
            invoices.add(new OpenInvoice("PSAB", "INV-" + i, types[i % 3], "MEMBERSHIP", date.plusDays(30), date, "USD",
                    new BigDecimal("100.00")));
        }
        byDues = new PaymentApplication.Request(new BigDecimal("250.00"), "USD", false, List.of(), List.of("DUES"), List.of());
        byNumber = new PaymentApplication.Request(new BigDecimal("100.00"), "USD", false, List.of("INV-7"), List.of(), List.of());
    }

    @Benchmark
    public PaymentApplication.Plan planByDues() {
        return PaymentApplication.plan(byDues, invoices);
    }

    @Benchmark
    public PaymentApplication.Plan planByInvoiceNumber() {
        return PaymentApplication.plan(byNumber, invoices);
    }
}
