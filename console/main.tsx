import { render } from 'preact';
import { App } from './app/app';
import { bindDocumentTitle } from './app/document-title';
import { openAgentSocket } from './net/agent-socket';
import { browserPage } from './net/page';
import { createAuthApi } from './net/rest';
import { initialState, reducer } from './state/reducer';
import { createStore } from './state/store';
import './styles.css';

const store = createStore(reducer, initialState());
bindDocumentTitle(store);
render(<App store={store} api={createAuthApi()} connect={openAgentSocket} page={browserPage()} />, document.getElementById('app')!);
