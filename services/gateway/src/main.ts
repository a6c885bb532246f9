import { serviceMain } from '@magpie/runtime';
import { loadGatewayConfig } from './config.js';
import { startGateway } from './start-gateway.js';

serviceMain({ name: 'gateway', loadConfig: loadGatewayConfig, start: startGateway });
