-- The language a person reads (BCP 47 tag such as en, fr, ar, fr-CA); null: the deployment's default language.
alter table contacts add column language varchar(35);
