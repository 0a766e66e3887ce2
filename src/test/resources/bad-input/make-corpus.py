#!/usr/bin/env python3
"""Writes the small files of the bad-input corpus (the large and binary ones are made by
BadInputCorpusTest at run time). Run it again after changing a file here; expected.csv says
what each file must be rejected with."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
PAY = "BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,INVOICE_NUMBERS,INVOICE_TYPES,SOURCE_SYSTEMS,IS_PREPAYMENT\n"
OB = ("ACCOUNT_ID,CARDLINE_AMOUNT_EXTAX,CARDLINE_AMOUNT_TAX,BALANCE_DUE_EXTAX,BALANCE_DUE_TAX,CARDLINE_DESCRIPTION,"
      "INVOICE_ISSUE_DATE,INVOICE_DUE_DATE,ORIGINAL_INVOICE_ID,INVOICE_START,INVOICE_END\n")
OB_ROW = "100231,181.82,18.18,181.82,18.18,Opening balance,01/11/2026,01/12/2026,LEG-1,01/10/2026,31/10/2026\n"
DOC = ("MODULE,TYPE,NUMBER,PARTY_ID,ENTITY,DATE,DUE_DATE,CURRENCY,EXCHANGE_RATE,ORIGINAL_AMOUNT,OPEN_BALANCE,INVOICE_TYPE,"
       "SOURCE_SYSTEM,RETAINAGE_PERCENT,STATUS,DESCRIPTION\n")
IMIS = ("BATCH_NUM,TRANS_NUMBER,LINE_NUMBER,TRANSACTION_DATE,TRANSACTION_TYPE,SOURCE_SYSTEM,ST_ID,INVOICE_REFERENCE_NUM,"
        "PRODUCT_CODE,DESCRIPTION,FINANCIAL_ENTITY,GL_ACCOUNT,AMOUNT\n")
GLT = "ENTITY,DATE,JOURNAL,ACCOUNT,DEBIT,CREDIT,DESCRIPTION\n"
TB = "ENTITY,ACCOUNT,DEBIT,CREDIT,AS_OF\n"
PAY_FX = "BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,INVOICE_NUMBERS,CURRENCY,EXCHANGE_RATE\n"
CREDITS = "BILL_TO_ID,CREDIT_NUMBER,INVOICE_NUMBER,AMOUNT,DATE\n"


def pay(amount="340.00", bill="100231", method="VISA", date="2026-11-02", check="", numbers="INV-20411", types="",
        systems="", prepay=""):
    return f"{bill},{amount},{method},{date},{check},{numbers},{types},{systems},{prepay}\n"


def ob(extax="181.82", tax="18.18", issue="01/11/2026", due="01/12/2026"):
    return f"100231,{extax},{tax},{extax},{tax},Opening balance,{issue},{due},LEG-1,01/10/2026,31/10/2026\n"


def doc(number="INV-90001", date="2026-07-01", amount="100.00", open_="100.00", currency="USD", status="BALANCED"):
    return f"AR,INVOICE,{number},100231,PSAB,{date},2026-07-31,{currency},1,{amount},{open_},DUES,MEMBERSHIP,,{status},x\n"


def imis(batch="1041", trans="1", line="1", date="11/02/2026", entity="PSAB", account="1050", amount="10.00"):
    return f"{batch},{trans},{line},{date},PAY,ORDER,100231,,,x,{entity},{account},{amount}\n"


FILES = {
    # encodings and byte-level damage
    "payments/utf16-with-bom.csv": (PAY + pay()).encode("utf-16"),
    "payments/mixed-encodings.csv": b"\xef\xbb\xbf" + PAY.encode() + pay(check="Caf\xe9").encode("cp1252") + pay(check="Café").encode(),
    "payments/embedded-nul.csv": (PAY + pay(check="12\x0034")).encode(),
    "payments/bom-only.csv": b"\xef\xbb\xbf",
    "payments/empty.csv": b"",
    "payments/header-only.csv": PAY.encode(),
    "payments/semicolons-with-comma-decimals.csv": (PAY.replace(",", ";") + "100231;340,50;VISA;2026-11-02;;INV-20411;;;\n").encode(),
    "payments/binary-garbage.csv": bytes(range(256)) * 4,
    # structure
    "payments/ragged-row.csv": (PAY + pay() + "100232,500.00,CHK-PSAB\n").encode(),
    "payments/unclosed-quote.csv": (PAY + pay() + '100232,"500.00,CHK-PSAB,2026-11-03,,,,,\n' + pay()).encode(),
    "payments/duplicate-header.csv": (PAY.rstrip("\n") + ",AMOUNT\n" + pay().rstrip("\n") + ",1\n").encode(),
    "payments/missing-required-column.csv": ("BILL_TO_ID,PAYMENT_METHOD_ID\n100231,VISA\n").encode(),
    "payments/dde-in-check-number.csv": (PAY + pay(check="-cmd|' /C calc'!A0")).encode(),
    "payments/formula-at-sign.csv": (PAY + pay(check="@SUM(A1:A9)")).encode(),
    "payments/quoted-newline-in-amount.csv": (PAY + pay(amount='"340\n.00"')).encode(),
    "payments/only-commas.csv": (",,,,,,,,\n,,,,,,,,\n").encode(),
    "payments/blank-row-in-the-middle.csv": (PAY + pay() + ",,,,,,,,\n" + pay(amount="1.00")).encode(),
    "payments/header-in-lower-case-with-spaces.csv": (" bill_to_id ,amount\n100231,1\n").encode(),
    # amounts
    "payments/amount-thousands-comma.csv": (PAY + pay(amount='"1,234.56"')).encode(),
    "payments/amount-european.csv": (PAY + pay(amount='"1.234,56"')).encode(),
    "payments/amount-exponent.csv": (PAY + pay(amount="1e3")).encode(),
    "payments/amount-hex.csv": (PAY + pay(amount="0x10")).encode(),
    "payments/amount-nan.csv": (PAY + pay(amount="NaN")).encode(),
    "payments/amount-infinity.csv": (PAY + pay(amount="Infinity")).encode(),
    "payments/amount-25-digits.csv": (PAY + pay(amount="1234567890123456789012345")).encode(),
    "payments/amount-too-many-decimals.csv": (PAY + pay(amount="10.001")).encode(),
    "payments/amount-negative.csv": (PAY + pay(amount="-10.00")).encode(),
    "payments/amount-zero.csv": (PAY + pay(amount="0.00")).encode(),
    "payments/amount-blank.csv": (PAY + pay(amount="")).encode(),
    "payments/amount-with-currency-sign.csv": (PAY + pay(amount="$340.00")).encode(),
    "payments/amount-formula.csv": (PAY + pay(amount="=1+1")).encode(),
    # dates
    "payments/date-31-february.csv": (PAY + pay(date="2026-02-31")).encode(),
    "payments/date-month-13.csv": (PAY + pay(date="2026-13-01")).encode(),
    "payments/date-two-digit-year.csv": (PAY + pay(date="26-11-02")).encode(),
    "payments/date-day-month-order.csv": (PAY + pay(date="02/11/2026")).encode(),
    "payments/date-with-time.csv": (PAY + pay(date="2026-11-02T10:00:00")).encode(),
    # text cells
    "payments/formula-in-check-number.csv": (PAY + pay(check='"=HYPERLINK(""http://evil.example"",""x"")"')).encode(),
    "payments/unknown-customer.csv": (PAY + pay(bill="999999")).encode(),
    "payments/unknown-method.csv": (PAY + pay(method="BITCOIN")).encode(),
    "payments/prepayment-not-yes-no.csv": (PAY + pay(prepay="maybe", numbers="")).encode(),
    "payments/check-number-too-long.csv": (PAY + pay(check="9" * 61)).encode(),
    # opening balances (seed 004's DD/MM/YYYY template)
    "opening-balances/date-31-february.csv": (OB + ob(issue="31/02/2026")).encode(),
    "opening-balances/date-month-13.csv": (OB + ob(issue="01/13/2026")).encode(),
    "opening-balances/date-two-digit-year.csv": (OB + ob(issue="01/11/26")).encode(),
    "opening-balances/date-iso-instead-of-dd-mm.csv": (OB + ob(issue="2026-11-01")).encode(),
    "opening-balances/amount-european.csv": (OB + ob(extax='"1.234,56"')).encode(),
    "opening-balances/amount-too-many-decimals.csv": (OB + ob(extax="181.825")).encode(),
    "opening-balances/amount-25-digits.csv": (OB + ob(extax="9999999999999999999999999")).encode(),
    "opening-balances/amount-nan.csv": (OB + ob(tax="NaN")).encode(),
    "opening-balances/semicolon-delimited-ragged.csv": (OB.replace(",", ";") + OB_ROW).encode(),
    "opening-balances/due-before-issue.csv": (OB + ob(issue="01/12/2026", due="01/11/2026")).encode(),
    # documents (migration mode)
    "documents/open-above-original.csv": (DOC + doc(open_="200.00")).encode(),
    "documents/unknown-currency.csv": (DOC + doc(currency="XXX")).encode(),
    "documents/duplicate-number.csv": (DOC + doc() + doc()).encode(),
    "documents/date-31-february.csv": (DOC + doc(date="2026-02-31")).encode(),
    "documents/unknown-status.csv": (DOC + doc(status="MAYBE")).encode(),
    "documents/amount-exponent.csv": (DOC + doc(amount="1e2", open_="1e2")).encode(),
    # setup files
    "entities/code-with-spaces.csv": b"CODE,NAME,BASE_CURRENCY\nNEW ONE,New,USD\n",
    "entities/unknown-currency.csv": b"CODE,NAME,BASE_CURRENCY\nNEW,New,ZZZ\n",
    "accounts/unknown-type.csv": b"ENTITY,ACCOUNT,NAME,TYPE,ROLE\nPSAB,9999,Odd,STRANGE,\n",
    "accounts/unknown-entity.csv": b"ENTITY,ACCOUNT,NAME,TYPE,ROLE\nNOPE,9999,Odd,ASSET,\n",
    "parties/unknown-kind.csv": b"PARTY_ID,NAME,KIND,ENTITY\nP1,Someone,FRIEND,PSAB\n",
    "payment-methods/unknown-cash-account.csv": b"METHOD_ID,ENTITY,CASH_ACCOUNT\nCASH,PSAB,0000\n",
    # GL history
    "gl-transactions/unbalanced-journal.csv": (GLT + "PSAB,2026-10-01,J1,1010,100.00,,x\nPSAB,2026-10-01,J1,4000,,90.00,x\n").encode(),
    "gl-transactions/debit-and-credit-on-one-line.csv": (GLT + "PSAB,2026-10-01,J1,1010,100.00,100.00,x\n").encode(),
    "trial-balance/unbalanced.csv": (TB + "PSAB,1010,100.00,,2026-10-31\nPSAB,4000,,99.99,2026-10-31\n").encode(),
    # iMIS: import and converter
    "imis/date-day-month-order.csv": (IMIS + imis(date="31/10/2026") + imis(line="2", amount="-10.00", account="4200")).encode(),
    "imis/unbalanced-transaction.csv": (IMIS + imis() + imis(line="2", amount="-9.00", account="4200")).encode(),
    "imis/amount-thousands-comma.csv": (IMIS + imis(amount='"1,000.00"') + imis(line="2", amount='"-1,000.00"', account="4200")).encode(),
    "imis-convert/unknown-entity.csv": (IMIS + imis(entity="NOPE") + imis(line="2", entity="NOPE", amount="-10.00", account="4200")).encode(),
    "imis-convert/amount-nan.csv": (IMIS + imis(amount="NaN") + imis(line="2", amount="-10.00", account="4200")).encode(),
    "imis-convert/missing-column.csv": (IMIS.replace(",AMOUNT", "") + imis().rsplit(",", 1)[0] + "\n").encode(),
    # foreign-currency payments
    "payments/foreign-payment-without-rate.csv": (PAY_FX + "100235,500.00,CHK-PSAB,2026-11-06,5001,INV-20415,CAD,\n").encode(),
    "payments/unknown-currency.csv": (PAY_FX + "100235,500.00,CHK-PSAB,2026-11-06,5001,INV-20415,XYZ,0.74\n").encode(),
    "payments/exchange-rate-not-positive.csv": (PAY_FX + "100235,500.00,CHK-PSAB,2026-11-06,5001,INV-20415,CAD,-0.74\n").encode(),
    "payments/exchange-rate-not-a-number.csv": (PAY_FX + "100235,500.00,CHK-PSAB,2026-11-06,5001,INV-20415,CAD,abc\n").encode(),
    # credits applied to invoices
    "credit-applications/unknown-credit.csv": (CREDITS + "100235,NOPE,INV-20415,1.00,2026-11-21\n").encode(),
    "credit-applications/unknown-invoice.csv": (CREDITS + "100235,CM-3001,NOPE,1.00,2026-11-21\n").encode(),
    "credit-applications/an-invoice-as-the-credit.csv": (CREDITS + "100231,INV-20410,INV-20411,1.00,2026-11-21\n").encode(),
    "credit-applications/a-credit-as-the-invoice.csv": (CREDITS + "100235,CM-3001,CM-3001,1.00,2026-11-21\n").encode(),
    "credit-applications/another-currency.csv": (CREDITS + "100235,CM-3001,INV-20415,1.00,2026-11-21\n").encode(),
    "credit-applications/amount-not-a-number.csv": (CREDITS + "100235,CM-3001,INV-20415,abc,2026-11-21\n").encode(),
    "credit-applications/date-day-first.csv": (CREDITS + "100235,CM-3001,INV-20415,1.00,21/11/2026\n").encode(),
    "credit-applications/missing-bill-to.csv": (CREDITS + ",CM-3001,INV-20415,1.00,2026-11-21\n").encode(),
    "credit-applications/header-only.csv": CREDITS.encode(),
}

for name, content in FILES.items():
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(content)
print(f"{len(FILES)} files")
