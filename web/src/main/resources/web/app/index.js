// The single-page app's entry (index.js, so the bundler imports only what it names): the shell element routes every address to its page (pages load on demand).
import './app.css';
import './shell/rapport-app.js';
