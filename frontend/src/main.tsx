import { render } from 'preact';
import './styles/base.css';
import './styles/controls.css';
import './styles/views.css';
import { App } from './App';
import { installLinkInterceptor } from './router';
import { installSyncTriggers } from './services';
import { installEpisodeTriggers } from './episodeState';
import { boot } from './session';
import { registerServiceWorker } from './sync/sw-register';

installLinkInterceptor();
installSyncTriggers();
installEpisodeTriggers();
registerServiceWorker();
render(<App />, document.getElementById('app')!);
void boot();
