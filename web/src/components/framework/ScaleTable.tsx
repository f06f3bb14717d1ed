import { Badge, Table, Text } from '@mantine/core';
import type { ScaleLevel } from '../../api/career';
import { ConfidenceBadge } from '../ConfidenceBadge';

/** The 1–5 proficiency scale with what each level means; levels worded by us are marked. */
export function ScaleTable({ scale }: { scale: readonly ScaleLevel[] }) {
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table
        verticalSpacing="xs"
        fz="sm"
        data-testid="scale-table"
        aria-label="The proficiency scale, 1 to 5"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={56}>
              Level
            </Table.Th>
            <Table.Th scope="col">Name and meaning</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scale.map((s) => (
            <Table.Tr key={s.level} data-testid="scale-level">
              <Table.Th scope="row" fz="md">
                {s.level}
              </Table.Th>
              <Table.Td>
                <Text span fw={600} fz="sm">
                  {s.name}
                </Text>{' '}
                {s.judgement ? (
                  <Badge
                    size="xs"
                    variant="light"
                    color="gray"
                    tt="none"
                    title={s.note ?? 'The wording is ours'}
                  >
                    Our wording
                  </Badge>
                ) : (
                  s.confidence && <ConfidenceBadge confidence={s.confidence} size="sm" />
                )}
                <Text fz="sm" mt={2}>
                  {s.meaning}
                </Text>
                {s.judgement && s.note && (
                  <Text fz="xs" c="dimmed" mt={2}>
                    {s.note}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
