package dev.rapport.delivery.render;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence a message shows, in English; {@code messages/msg_fr.properties} and {@code msg_ar.properties} hold
 * the same keys in French and Arabic (TextsTest keeps the three key sets equal). Parameters are plain text: the HTML
 * templates escape what these return.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Texts {
    @Message("Hello {name},")
    String greeting(String name);

    @Message("Hello,")
    String greetingAnonymous();

    // --- why you receive this ----------------------------------------------------------------------------------
    @Message("Why you are receiving this")
    String whyTitle();

    @Message("We sent it to {address}, your work address.")
    String whyAddressWork(String address);

    @Message("We sent it to {address}, your personal address.")
    String whyAddressPersonal(String address);

    @Message("We sent it to {address}.")
    String whyAddress(String address);

    @Message("You gave us this address ({source}) on {date}.")
    String whyProvided(String source, String date);

    @Message("It was imported from {source} on {date}.")
    String whyImported(String source, String date);

    @Message("We obtained it from {source} on {date}.")
    String whyEnrichment(String source, String date);

    @Message("We inferred it on {date}.")
    String whyInferred(String date);

    @Message("a source we did not record")
    String unknownSource();

    @Message("It is about: {purpose}.")
    String whyPurpose(String purpose);

    @Message("You agreed to receive these messages on {date}, {source}.")
    String whyConsent(String date, String source);

    @Message("We may send them because they are part of what you have with us (contract).")
    String whyContract();

    @Message("We may send them because we have a legitimate interest in doing so; you can object at any time.")
    String whyLegitimateInterest();

    @Message("in our preference centre")
    String sourcePreferenceCentre();

    @Message("on a web form")
    String sourceWebForm();

    @Message("by telling a member of our staff")
    String sourceAgent();

    @Message("in a list we imported")
    String sourceImport();

    @Message("through one of our systems")
    String sourceApi();

    @Message("Change what we may send you, and how")
    String preferences();

    @Message("Unsubscribe from these messages")
    String unsubscribe();

    @Message("This link is personal; please do not forward this message.")
    String personalLink();

    // --- invitation --------------------------------------------------------------------------------------------
    @Message("Your opinion: {title}")
    String invitationSubject(String title);

    @Message("We are deciding what to work on next and would like to know what matters to you:")
    String invitationIntro();

    @Message("Rank the initiatives")
    String invitationAction();

    @Message("It takes a few minutes. You may answer anonymously, and partial answers count.")
    String invitationNote();

    // --- action notice: you said, we did -----------------------------------------------------------------------
    @Message("What we decided about {initiative}")
    String actionSubject(String initiative);

    @Message("You told us this mattered to you: {initiative}. Here is what we decided.")
    String actionIntro(String initiative);

    @Message("We will do it.")
    String decisionWillDo();

    @Message("We are doing it.")
    String decisionDoing();

    @Message("It is done.")
    String decisionDone();

    @Message("We will not do it.")
    String decisionWontDo();

    @Message("Why: {reason}")
    String decisionReason(String reason);

    @Message("Does this work for you?")
    String actionQuestion();

    @Message("Answer yes, partly or no")
    String actionAction();

    // --- thread reply ------------------------------------------------------------------------------------------
    @Message("We answered you: {title}")
    String threadSubject(String title);

    @Message("We have replied to what you told us about this consultation:")
    String threadIntro();

    @Message("Read our reply and answer")
    String threadAction();

    // --- notice to an anonymous respondent ------------------------------------------------------------------------
    @Message("We answered what you told us")
    String anonymousSubject();

    @Message("You answered one of our consultations anonymously and allowed us to reply. We have now decided what to do about something you rated.")
    String anonymousIntro();

    @Message("See what we decided, and tell us if it works for you")
    String anonymousAction();

    // --- case confirmation and rating --------------------------------------------------------------------------
    @Message("Was your problem solved?")
    String caseSubject();

    @Message("We marked your request of {opened} as resolved on {resolved}:")
    String caseIntro(String opened, String resolved);

    @Message("It only counts as solved when you say so.")
    String caseNote();

    @Message("Tell us whether it is solved")
    String caseAction();

    @Message("Rate how we did (1 to 5 stars)")
    String ratingAction();

    // --- renewal offer -----------------------------------------------------------------------------------------
    @Message("Renew early: {programme}")
    String renewalSubject(String programme);

    @Message("As a member of {programme}, you can renew for {period} before everyone else.")
    String renewalIntro(String programme, String period);

    @Message("See your offer")
    String renewalAction();

    // --- plain -------------------------------------------------------------------------------------------------
    @Message("A message from us: {purpose}")
    String plainSubject(String purpose);

    @Message("We are writing to you about: {purpose}.")
    String plainIntro(String purpose);

    // --- the unsubscribe page ----------------------------------------------------------------------------------
    @Message("Unsubscribe")
    String unsubscribeTitle();

    @Message("Stop receiving these messages: {purpose}?")
    String unsubscribeQuestion(String purpose);

    @Message("Nothing changes until you press the button.")
    String unsubscribeNothingYet();

    @Message("Yes, unsubscribe me")
    String unsubscribeButton();

    @Message("Done: you will no longer receive these messages ({purpose}). It is recorded in your consent history.")
    String unsubscribeDone(String purpose);

    @Message("This link is not valid: it may have expired or been altered. Use the link in a recent message, or your preferences.")
    String unsubscribeInvalid();

    @Message("We could not record this just now. Please try again in a few minutes.")
    String unsubscribeUnavailable();
}
