-- Chart of accounts. The type decides the sign of a balance: ASSET and EXPENSE are
-- debit-normal, LIABILITY, EQUITY and INCOME credit-normal.
create table account (
    code       text primary key check (code ~ '^[0-9]{3,6}$'),
    name       text        not null,
    type       text        not null check (type in ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    created_at timestamptz not null default now()
);
insert into account (code, name, type) values
    ('1000', 'Payment clearing / cash', 'ASSET'),
    ('1100', 'Accounts receivable', 'ASSET'),
    ('1200', 'Inventory', 'ASSET'),
    ('2000', 'Accounts payable', 'LIABILITY'),
    ('2100', 'Sales tax payable', 'LIABILITY'),
    ('3000', 'Owner''s equity', 'EQUITY'),
    ('3100', 'Retained earnings', 'EQUITY'),
    ('4000', 'Sales revenue', 'INCOME'),
    ('5000', 'Cost of goods sold', 'EXPENSE'),
    ('5100', 'Inventory shrinkage', 'EXPENSE');

-- Monthly periods; a month without a row is open.
create table period (
    month      date primary key check (extract(day from month) = 1),
    status     text not null check (status in ('OPEN', 'CLOSED')),
    changed_at timestamptz not null default now(),
    changed_by text not null
);

create table journal_entry (
    id                 bigint generated always as identity primary key,
    entry_date         date        not null,
    posted_at          timestamptz not null default now(),
    description        text        not null,
    kind               text        not null check (kind in ('AUTO', 'MANUAL', 'REVERSAL')),
    source_event_id    uuid unique,
    source_type        text,
    source_occurred_at timestamptz,
    reverses           bigint unique references journal_entry (id),
    actor              text        not null,
    reason             text,
    note               text,
    check ((kind = 'AUTO') = (source_event_id is not null)),
    check ((kind = 'REVERSAL') = (reverses is not null))
);
create index journal_entry_date on journal_entry (entry_date, id);

create table journal_line (
    entry_id bigint        not null references journal_entry (id),
    line_no  int           not null,
    account  text          not null references account (code),
    debit    numeric(14,2) not null default 0 check (debit >= 0),
    credit   numeric(14,2) not null default 0 check (credit >= 0),
    primary key (entry_id, line_no),
    check ((debit > 0) <> (credit > 0))
);
create index journal_line_account on journal_line (account, entry_id);

-- Posted means immutable: corrections are reversing entries, never edits.
create function refuse_journal_change() returns trigger language plpgsql as $$
begin
    raise exception 'posted journal % cannot be changed (%); post a reversing entry', tg_table_name, tg_op
        using errcode = '55000';
end $$;
create trigger journal_entry_immutable before update or delete on journal_entry
    for each row execute function refuse_journal_change();
create trigger journal_line_immutable before update or delete on journal_line
    for each row execute function refuse_journal_change();

-- Balanced, checked at commit when all lines of the entry are in: at least two lines,
-- debits = credits.
create function check_entry_balanced() returns trigger language plpgsql as $$
declare
    lines int;
    debits numeric;
    credits numeric;
begin
    select count(*), coalesce(sum(debit), 0), coalesce(sum(credit), 0) into lines, debits, credits
      from erp.journal_line where entry_id = new.entry_id;
    if lines < 2 or debits <> credits then
        raise exception 'journal entry % is not balanced: % lines, debits %, credits %', new.entry_id, lines, debits, credits
            using errcode = '23514';
    end if;
    return null;
end $$;
create constraint trigger journal_entry_balanced after insert on journal_line
    deferrable initially deferred for each row execute function check_entry_balanced();
