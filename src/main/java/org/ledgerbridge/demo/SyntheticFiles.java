package org.ledgerbridge.demo;

import org.springframework.core.io.ClassPathResource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * `generate KIND --rows N`: synthetic but realistic files for demos and benchmarks, the same for
 * the same seed. Generated parties are customers C0000001, C0000002, ... spread over the demo
 * entities; files that refer to customers use the first {@code max(1, rows / 10)} of them, so
 * `generate parties --rows N/10` is the companion of a file of N rows.
 */
public final class SyntheticFiles {

    public static final List<String> KINDS = List.of("entities", "accounts", "parties", "payment-methods", "opening-balances", "documents", "invoices",
            "payments", "gl-transactions", "imis-export");
    private static final List<String> ENTITIES = List.of("PSAB", "BMC", "SEC");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private SyntheticFiles() {
    }

    public static String customerId(long n) {
        return String.format("C%07d", n);
    }

    /** Customers referred to by a generated file of {@code rows} rows. */
    public static long customersFor(long rows) {
        return Math.max(1, rows / 10);
    }

    public static void generate(String kind, long rows, long seed, LocalDate asOf, Path out) throws IOException {
        switch (kind) {
            case "entities", "accounts", "payment-methods" -> copyDemo(kind, out);
            case "parties" -> parties(rows, out);
            case "opening-balances" -> openingBalances(rows, new SplittableRandom(seed), asOf, out);
            case "documents" -> documents(rows, new SplittableRandom(seed), asOf, out);
            case "invoices" -> invoices(rows, new SplittableRandom(seed), asOf, out);
            case "payments" -> payments(rows, new SplittableRandom(seed), asOf, out);
            case "gl-transactions" -> glTransactions(rows, seed, asOf, 90, out);
            case "imis-export" -> imisExport(rows, new SplittableRandom(seed), asOf, out);
            default -> throw new IllegalArgumentException("cannot generate '" + kind + "'; one of " + String.join(", ", KINDS));
        }
    }

    /** The chart of the demo ledger: the generated parties and documents refer to it. */
    private static void copyDemo(String kind, Path out) throws IOException {
        try (InputStream in = new ClassPathResource("demo/" + kind + ".csv").getInputStream()) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void parties(long rows, Path out) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("PARTY_ID,NAME,KIND,ENTITY\n");
            for (long i = 1; i <= rows; i++) {
                w.write(customerId(i) + ",Borough member " + i + ",CUSTOMER," + ENTITIES.get((int) (i % ENTITIES.size())) + "\n");
            }
        }
    }

    /** Mostly open invoices, some part-paid or settled, a few credits; 10% tax; due within two months. */
    private static void openingBalances(long rows, SplittableRandom random, LocalDate asOf, Path out) throws IOException {
        long customers = customersFor(rows);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("ACCOUNT_ID,CARDLINE_AMOUNT_EXTAX,CARDLINE_AMOUNT_TAX,BALANCE_DUE_EXTAX,BALANCE_DUE_TAX,CARDLINE_DESCRIPTION,"
                    + "INVOICE_ISSUE_DATE,INVOICE_DUE_DATE,ORIGINAL_INVOICE_ID,INVOICE_START,INVOICE_END\n");
            for (long i = 1; i <= rows; i++) {
                long exTaxCents = random.nextLong(100, 500_000);
                long taxCents = exTaxCents / 10;
                int shape = random.nextInt(100);
                long balanceEx;
                long balanceTax;
                if (shape < 5) { // a credit
                    exTaxCents = -exTaxCents;
                    taxCents = -taxCents;
                    balanceEx = 0;
                    balanceTax = 0;
                } else if (shape < 25) { // part-paid
                    balanceEx = exTaxCents / 2;
                    balanceTax = taxCents / 2;
                } else if (shape < 30) { // settled before migration
                    balanceEx = 0;
                    balanceTax = 0;
                } else {
                    balanceEx = exTaxCents;
                    balanceTax = taxCents;
                }
                LocalDate issue = asOf.minusDays(random.nextInt(0, 60));
                LocalDate due = asOf.plusDays(random.nextInt(1, 60));
                LocalDate start = issue.minusMonths(1).withDayOfMonth(1);
                w.write(customerId(1 + (i - 1) % customers) + "," + cents(exTaxCents) + "," + cents(taxCents) + ","
                        + cents(balanceEx) + "," + cents(balanceTax) + ",Opening balance " + i + "," + issue.format(DAY_MONTH_YEAR)
                        + "," + due.format(DAY_MONTH_YEAR) + ",LEG-" + i + "," + start.format(DAY_MONTH_YEAR) + ","
                        + start.plusMonths(1).minusDays(1).format(DAY_MONTH_YEAR) + "\n");
            }
        }
    }

    /** Migrated AR documents (seed 002): invoices open, part-paid or settled, some credit memos, a tenth on hold. */
    private static void documents(long rows, SplittableRandom random, LocalDate asOf, Path out) throws IOException {
        long customers = customersFor(rows);
        String[] invoiceTypes = {"DUES", "EVENT", "PUBLICATION"};
        String[] sources = {"MEMBERSHIP", "EVENTS", "STORE"};
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("MODULE,TYPE,NUMBER,PARTY_ID,ENTITY,DATE,DUE_DATE,CURRENCY,EXCHANGE_RATE,ORIGINAL_AMOUNT,OPEN_BALANCE,"
                    + "INVOICE_TYPE,SOURCE_SYSTEM,RETAINAGE_PERCENT,STATUS,DESCRIPTION\n");
            for (long i = 1; i <= rows; i++) {
                long customer = 1 + (i - 1) % customers;
                long original = random.nextLong(100, 500_000);
                int shape = random.nextInt(100);
                long open = shape < 20 ? original / 2 : shape < 30 ? 0 : original;
                String type = shape >= 95 ? "CREDIT_MEMO" : "INVOICE";
                LocalDate date = asOf.minusDays(random.nextInt(1, 365));
                int kind = random.nextInt(3);
                w.write("AR," + type + "," + String.format("MIG-%07d", i) + "," + customerId(customer) + ","
                        + ENTITIES.get((int) (customer % ENTITIES.size())) + "," + date + "," + date.plusDays(30) + ",USD,1,"
                        + cents(original) + "," + cents(open) + "," + invoiceTypes[kind] + "," + sources[kind] + ",,"
                        + (random.nextInt(10) == 0 ? "ON_HOLD" : "BALANCED") + ",Migrated document " + i + "\n");
            }
        }
    }

    /**
     * Open migrated AR invoices for payments to pay: `generate invoices --rows N/2` goes with
     * `generate payments --rows N`. Invoice i belongs to customer 1 + (i - 1) % customers.
     */
    private static void invoices(long rows, SplittableRandom random, LocalDate asOf, Path out) throws IOException {
        long customers = customersFor(rows);
        String[] invoiceTypes = {"DUES", "DUES", "EVENT", "PUBLICATION"};
        String[] sources = {"MEMBERSHIP", "MEMBERSHIP", "EVENTS", "STORE"};
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("MODULE,TYPE,NUMBER,PARTY_ID,ENTITY,DATE,DUE_DATE,CURRENCY,EXCHANGE_RATE,ORIGINAL_AMOUNT,OPEN_BALANCE,"
                    + "INVOICE_TYPE,SOURCE_SYSTEM,RETAINAGE_PERCENT,STATUS,DESCRIPTION\n");
            for (long i = 1; i <= rows; i++) {
                long customer = 1 + (i - 1) % customers;
                long amount = random.nextLong(1_000, 200_000);
                LocalDate date = asOf.minusDays(random.nextInt(1, 365));
                int kind = random.nextInt(invoiceTypes.length);
                w.write("AR,INVOICE," + invoiceNumber(i) + "," + customerId(customer) + "," + ENTITIES.get((int) (customer % ENTITIES.size()))
                        + "," + date + "," + date.plusDays(30) + ",USD,1," + cents(amount) + "," + cents(amount) + ","
                        + invoiceTypes[kind] + "," + sources[kind] + ",,BALANCED,Invoice " + i + "\n");
            }
        }
    }

    private static String invoiceNumber(long i) {
        return String.format("INV-%07d", i);
    }

    /** Payments of the customers of `generate invoices --rows N/2`: by dues, number, type or source; by card or cheque. */
    private static void payments(long rows, SplittableRandom random, LocalDate asOf, Path out) throws IOException {
        long invoices = Math.max(1, rows / 2);
        long customers = customersFor(invoices);
        String[] methods = {"VISA", "MC", "AMEX", "CHK-PSAB", "CHK-BMC", "CHK-SEC"};
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,INVOICE_NUMBERS,INVOICE_TYPES,SOURCE_SYSTEMS,IS_PREPAYMENT\n");
            for (long i = 1; i <= rows; i++) {
                long customer = 1 + random.nextLong(customers);
                String method = methods[random.nextInt(methods.length)];
                String check = method.startsWith("CHK") ? String.valueOf(10_000 + i) : "";
                int shape = random.nextInt(100);
                String numbers = "";
                String types = "";
                String systems = "";
                String prepayment = "";
                if (shape < 20) {
                    long perCustomer = Math.max(1, invoices / customers);
                    numbers = invoiceNumber(customer + customers * random.nextLong(perCustomer));
                } else if (shape < 30) {
                    types = "EVENT|DUES";
                } else if (shape < 40) {
                    systems = "STORE|MEMBERSHIP";
                } else if (shape < 42) {
                    prepayment = "true";
                }
                w.write(customerId(customer) + "," + cents(random.nextLong(500, 150_000)) + "," + method + ","
                        + asOf.minusDays(random.nextInt(0, 30)) + "," + check + "," + numbers + "," + types + "," + systems + ","
                        + prepayment + "\n");
            }
        }
    }

    /** GL history on the demo chart: journals of four lines (dues received, printing paid), dated over the {@code days} before asOf. */
    public static void glTransactions(long rows, long seed, LocalDate asOf, int days, Path out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("ENTITY,DATE,JOURNAL,ACCOUNT,DEBIT,CREDIT,DESCRIPTION\n");
            for (long journal = 1; journal * 4 <= Math.max(4, rows); journal++) {
                String entity = ENTITIES.get((int) (journal % ENTITIES.size()));
                String date = asOf.minusDays(random.nextInt(0, days)).toString();
                String dues = cents(random.nextLong(1_000, 500_000));
                String printing = cents(random.nextLong(100, 50_000));
                String id = "GJ-" + journal;
                w.write(entity + "," + date + "," + id + ",1010," + dues + ",,Dues received\n");
                w.write(entity + "," + date + "," + id + ",4000,," + dues + ",Dues\n");
                w.write(entity + "," + date + "," + id + ",5000," + printing + ",,Printing\n");
                w.write(entity + "," + date + "," + id + ",1010,," + printing + ",Printing paid\n");
            }
        }
    }

    /**
     * An iMIS IQA auto-batch export: online purchases of three lines (two products, one payment),
     * a third of them across entities; batch 1 holds the first half of the lines, batch 2 the rest.
     */
    private static void imisExport(long rows, SplittableRandom random, LocalDate asOf, Path out) throws IOException {
        java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy");
        String[] revenue = {"4000", "4100", "4200"};
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("BATCH_NUM,TRANS_NUMBER,LINE_NUMBER,TRANSACTION_DATE,TRANSACTION_TYPE,SOURCE_SYSTEM,ST_ID,INVOICE_REFERENCE_NUM,"
                    + "PRODUCT_CODE,DESCRIPTION,FINANCIAL_ENTITY,GL_ACCOUNT,AMOUNT\n");
            long transactions = Math.max(1, rows / 3);
            for (long t = 1; t <= transactions; t++) {
                String batch = t <= transactions / 2 ? "1" : "2";
                String day = asOf.minusDays(random.nextInt(0, 5)).format(date);
                String customer = customerId(1 + random.nextLong(10_000));
                long first = random.nextLong(500, 50_000);
                long second = random.nextLong(500, 50_000);
                String otherEntity = random.nextInt(3) == 0 ? ENTITIES.get(1 + random.nextInt(2)) : "PSAB";
                String trans = String.valueOf(900_000 + t);
                w.write(batch + "," + trans + ",1," + day + ",DIST,ORDER," + customer + ",,P1,Product,PSAB,"
                        + revenue[random.nextInt(3)] + ",-" + cents(first) + "\n");
                w.write(batch + "," + trans + ",2," + day + ",DIST,ORDER," + customer + ",,P2,Product," + otherEntity + ","
                        + revenue[random.nextInt(3)] + ",-" + cents(second) + "\n");
                w.write(batch + "," + trans + ",3," + day + ",PAY,ORDER," + customer + ",,,Online payment,PSAB,1050,"
                        + cents(first + second) + "\n");
            }
        }
    }

    private static String cents(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
