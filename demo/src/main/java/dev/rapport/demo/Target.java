package dev.rapport.demo;

/** Where the three services answer (their public REST APIs). */
record Target(String contacts, String consent, String feedback) {
    static Target local() {
        return new Target("http://localhost:8081", "http://localhost:8082", "http://localhost:8083");
    }
}
