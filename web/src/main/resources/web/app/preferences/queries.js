// The preference centre's GraphQL documents. Every change is a write through the gateway into the services: consent
// into consent-service's append-only ledger (source PREFERENCE_CENTRE), rules into the person's policy.
export const PREFERENCES = `query PreferenceCentre {
  me {
    id displayName language
    contactPoints { id channel address context capturedAt verifiedAt provenance { kind source } }
    consents { purpose channel contactPointId status since source until expiresAt lawfulBasis }
    policy { doNotContact maxTouches windowDays capIsDefault preferredChannels quietHoursStart quietHoursEnd timeZone version }
    consentLedger(first: 100) { nodes { id kind purpose channel contactPointId source occurredAt until expiresAt } }
  }
  purposes { code description lawfulBasis }
}`;

/** Whether Rapport may use a channel for each purpose now, the address it would use, and every reason if not. */
export const USABILITY = `query Usability($purposes: [String!]!, $channel: Channel) {
  me { decisions(purposes: $purposes, channel: $channel) { purpose allowed contactPointId reasons { code detail } } }
}`;

export const RECORD_CONSENT = `mutation RecordConsent($contactId: ID!, $input: ConsentEventInput!) {
  recordConsent(contactId: $contactId, input: $input) { id kind purpose channel occurredAt }
}`;

export const SET_POLICY = `mutation SetPolicy($contactId: ID!, $input: PolicyInput!) {
  setPolicy(contactId: $contactId, input: $input) { version }
}`;

export const SET_LANGUAGE = `mutation SetMyLanguage($language: String!) { setMyLanguage(language: $language) { id language } }`;

export const EXPORT = `query ExportMyData($contactId: ID!) {
  exportPersonalData(contactId: $contactId) { contactId complete exportedAt services { service complete data error } }
}`;

export const ERASE = `mutation EraseMe { eraseMe(confirmation: "ERASE") { erased services { service status } } }`;
