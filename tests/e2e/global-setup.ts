import { SEEDED_URL } from '../../playwright.config';
import { ADMIN_PASSWORD, api } from './api';

/** The seeded server: admin password set, demo county loaded, plus two lines the specs rely on. */
export default async function globalSetup() {
  const { token } = await api(SEEDED_URL, 'accounts.setup', { password: ADMIN_PASSWORD });
  await api(SEEDED_URL, 'demo.load', { vegetationRecords: 1500 }, token);
  await api(
    SEEDED_URL,
    'lines.save',
    { name: '10kV 测试一线', voltage: '10', conductor: 'bare', areaType: 'rural' },
    token,
  );
  await api(
    SEEDED_URL,
    'lines.save',
    { name: '110kV 测试二线', voltage: '110', conductor: 'bare', areaType: 'rural' },
    token,
  );
  await api(
    SEEDED_URL,
    'accounts.saveUser',
    { username: 'clerk1', displayName: '王芳', role: 'clerk', active: true, initialPassword: 'Start1234' },
    token,
  );
}
