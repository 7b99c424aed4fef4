// The single-page app's entry: the shell element routes every address to its page (pages load on demand).
import './app.css';
import './shell/rapport-app.js';
