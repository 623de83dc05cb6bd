import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

afterEach(() => cleanup());

// Route modules load lazily and the suite shares the machine with the server tests; a generous
// wait keeps findBy* about behaviour, not about how busy the CPU is. Failing waits still fail.
configure({ asyncUtilTimeout: 5000 });
