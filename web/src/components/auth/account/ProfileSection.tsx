import { DataList } from '@mantine/core';
import type { User } from '../../../api/auth';
import { formatDay } from '../dates';
import { AccountSection } from './AccountSection';
import { TimeZoneField } from './TimeZoneField';

export function ProfileSection({ user }: { user: User }) {
  return (
    <AccountSection id="profile" title="Your details">
      <DataList labelWidth={140} data-testid="profile-details">
        <DataList.Item>
          <DataList.ItemLabel>Name</DataList.ItemLabel>
          <DataList.ItemValue className="break-anywhere">{user.displayName}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Email address</DataList.ItemLabel>
          <DataList.ItemValue className="break-anywhere">{user.email}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Member since</DataList.ItemLabel>
          <DataList.ItemValue>{formatDay(user.createdAt)}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <TimeZoneField user={user} />
    </AccountSection>
  );
}
