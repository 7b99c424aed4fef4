package dev.rapport.gateway.common;

import org.eclipse.microprofile.graphql.Description;

@Description("A way to reach a person; consent and contact points name the same channels.")
public enum Channel {
    EMAIL, PHONE, SMS, WHATSAPP, POSTAL, LINKEDIN, X, INSTAGRAM, FACEBOOK
}
