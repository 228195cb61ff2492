import './shoelace.ts';
import './dc-console-app.ts';
