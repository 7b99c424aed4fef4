package dev.rapport.contacts.contactpoint;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.rapport.platform.problem.ProblemException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One canonical form per address, so the same address is recognised however it was typed: e-mails lower-cased,
 * phone numbers in E.164 (libphonenumber), social handles without '@', postal addresses as one upper-case line.
 * Failures name the field under {@code prefix} (e.g. {@code contactPoints[2].address}).
 */
public final class AddressNormaliser {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    // Deliberately practical rather than full RFC 5322: what mail systems actually deliver to.
    private static final Pattern EMAIL = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
                    + "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern HANDLE = Pattern.compile("^[a-z0-9._-]{1,100}$");

    private AddressNormaliser() {
    }

    public record Normalised(String address, PostalAddress postal) {
    }

    public static Normalised normalise(Channel channel, String address, PostalAddress postal, String region, String prefix) {
        if (channel == Channel.POSTAL) {
            if (postal == null) {
                throw ProblemException.badField(prefix + "postal", "is required for POSTAL contact points");
            }
            PostalAddress p = new PostalAddress(
                    postal.lines().stream().map(String::strip).toList(), postal.locality().strip(),
                    postal.region() == null ? null : postal.region().strip(),
                    postal.postalCode() == null ? null : postal.postalCode().strip().toUpperCase(Locale.ROOT),
                    postal.country().toUpperCase(Locale.ROOT));
            String line = (String.join(", ", p.lines()) + ", " + p.locality()
                    + (p.region() == null ? "" : ", " + p.region())
                    + (p.postalCode() == null ? "" : " " + p.postalCode()) + ", " + p.country())
                    .toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            return new Normalised(line, p);
        }
        if (address == null || address.isBlank()) {
            throw ProblemException.badField(prefix + "address", "is required for " + channel + " contact points");
        }
        if (postal != null) {
            throw ProblemException.badField(prefix + "postal", "is only for POSTAL contact points");
        }
        String a = address.strip();
        if (channel == Channel.EMAIL) {
            return new Normalised(email(a, prefix + "address"), null);
        }
        if (channel.isPhoneNumber()) {
            return new Normalised(phone(a, region, prefix + "address"), null);
        }
        String handle = a.startsWith("@") ? a.substring(1) : a;
        handle = handle.toLowerCase(Locale.ROOT);
        if (!HANDLE.matcher(handle).matches()) {
            throw ProblemException.badField(prefix + "address", "is not a valid " + channel + " handle");
        }
        return new Normalised(handle, null);
    }

    public static String email(String raw, String field) {
        String e = raw.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw ProblemException.badField(field, "is not a valid e-mail address");
        }
        return e;
    }

    public static String phone(String raw, String region, String field) {
        try {
            Phonenumber.PhoneNumber n = PHONES.parse(raw, region == null ? null : region.toUpperCase(Locale.ROOT));
            if (!PHONES.isValidNumber(n)) {
                throw ProblemException.badField(field, "is not a valid phone number");
            }
            return PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            String why = e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE
                    ? "needs a +country code or a region" : "is not a valid phone number";
            throw ProblemException.badField(field, why);
        }
    }

}
